package dev.graft.host.internal.load;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The bundles of the application Graft runs in (installed by anyone but Graft): before a plan is
 * made, those still only installed are resolved, so that the packages they export count as
 * provided (an unresolved bundle has no wiring, and the compiler sees only wired exports).
 */
final class InstalledBundles {

    private InstalledBundles() {
    }

    /**
     * Resolves the bundles that are installed but not resolved, other than Graft's plugins; those
     * that cannot resolve stay as they are.
     *
     * @param context a bundle context of the framework
     */
    static void resolve(BundleContext context) {
        List<Bundle> unresolved = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getState() == Bundle.INSTALLED && !b.getLocation().startsWith(Registry.LOCATION_SCHEME)
                && b.getHeaders("").get("Fragment-Host") == null) {
                unresolved.add(b);
            }
        }
        if (!unresolved.isEmpty()) {
            context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(unresolved);
        }
    }
}
