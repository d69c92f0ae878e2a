package dev.graft.host.internal.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/** The versions of the parts Graft is made of, as installed in the running framework. */
final class Versions {

    private Versions() {
    }

    static Map<String, String> of(BundleContext context) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("Graft", context.getBundle().getVersion().toString());
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        versions.put(frameworkName(system.getSymbolicName()), system.getVersion().toString());
        versions.put("SCR", scrVersion(context));
        versions.put("ECJ", bundleVersion(context, "org.eclipse.jdt.core.compiler.batch"));
        versions.put("bndlib", bundleVersion(context, "biz.aQute.bndlib"));
        versions.put("Java", Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
        return versions;
    }

    /**
     * @param systemBundleName the symbolic name of the system bundle
     * @return the framework's short name: Felix, Equinox, or the symbolic name of another framework
     */
    static String frameworkName(String systemBundleName) {
        return switch (systemBundleName == null ? "" : systemBundleName) {
            case "org.apache.felix.framework" -> "Felix";
            case "org.eclipse.osgi" -> "Equinox";
            case "" -> "Framework";
            default -> systemBundleName;
        };
    }

    /** The version of the bundle that registers Declarative Services' runtime, whichever implementation it is. */
    private static String scrVersion(BundleContext context) {
        ServiceReference<ServiceComponentRuntime> ref = context.getServiceReference(ServiceComponentRuntime.class);
        Bundle scr = ref == null ? null : ref.getBundle();
        if (scr == null) {
            return "not installed";
        }
        return scr.getVersion() + ("org.apache.felix.scr".equals(scr.getSymbolicName()) ? "" : " (" + scr.getSymbolicName() + ")");
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
