package dev.graft.host.internal.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/** The versions of the parts Graft is made of, as installed in the running framework. */
final class Versions {

    private Versions() {
    }

    static Map<String, String> of(BundleContext context) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("Graft", context.getBundle().getVersion().toString());
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        versions.put("Felix", system.getVersion().toString());
        versions.put("SCR", bundleVersion(context, "org.apache.felix.scr"));
        versions.put("ECJ", bundleVersion(context, "org.eclipse.jdt.core.compiler.batch"));
        versions.put("bndlib", bundleVersion(context, "biz.aQute.bndlib"));
        versions.put("Java", Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
        return versions;
    }

    private static String bundleVersion(BundleContext context, String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b.getVersion().toString();
            }
        }
        return "not installed";
    }
}
