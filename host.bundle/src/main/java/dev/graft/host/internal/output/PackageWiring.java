package dev.graft.host.internal.output;

import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/** Whether the host bundle is wired to a package it imports optionally, so that the classes naming its types may load. */
public final class PackageWiring {

    private PackageWiring() {
    }

    /** @return whether the bundle of the context imports the package from some exporter */
    public static boolean wiredTo(BundleContext context, String packageName) {
        BundleWiring wiring = context.getBundle().adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (packageName.equals(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return true;
            }
        }
        return false;
    }
}
