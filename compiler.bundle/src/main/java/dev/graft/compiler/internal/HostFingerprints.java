package dev.graft.compiler.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import dev.graft.compiler.HostFingerprint;

/** Reads the {@link HostFingerprint} of the running framework: the compiler's, which the cache asks for. */
final class HostFingerprints {

    private HostFingerprints() {
    }

    /**
     * Reads the fingerprint of the framework the given context belongs to.
     *
     * @param context any bundle context of the running framework
     * @return the fingerprint; a missing bundle shows as version {@code absent}
     */
    static HostFingerprint of(BundleContext context) {
        Bundle graft = FrameworkUtil.getBundle(HostFingerprints.class);
        return new HostFingerprint(
            graft == null ? "absent" : graft.getVersion().toString(),
            versionOf(context, HostFingerprint.ECJ_BSN),
            versionOf(context, HostFingerprint.BNDLIB_BSN),
            Runtime.version().toString());
    }

    private static String versionOf(BundleContext context, String symbolicName) {
        String found = "absent";
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName()) && b.getState() != Bundle.UNINSTALLED) {
                found = b.getVersion().toString();
            }
        }
        return found;
    }
}
