package dev.graft.host.internal.swap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The bundles wired to a bundle that is about to be retired: listed before the refresh, and
 * described after it with the bundles that now provide their packages.
 */
final class Rewiring {

    private Rewiring() {
    }

    /**
     * @param retiring the bundle about to be uninstalled
     * @param replacement its successor, which is not counted even when it is wired to it
     * @return the other bundles that import packages from it
     */
    static List<Bundle> dependents(Bundle retiring, Bundle replacement) {
        Map<Long, Bundle> found = new LinkedHashMap<>();
        BundleWiring wiring = retiring.adapt(BundleWiring.class);
        if (wiring != null) {
            for (BundleWire wire : wiring.getProvidedWires(PackageNamespace.PACKAGE_NAMESPACE)) {
                Bundle requirer = wire.getRequirer().getBundle();
                long id = requirer.getBundleId();
                if (id != retiring.getBundleId() && id != replacement.getBundleId()) {
                    found.putIfAbsent(id, requirer);
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** After the refresh: each dependent, and whether it is now wired to the replacement. */
    static List<String> describe(List<Bundle> dependents, Bundle replacement) {
        String to = replacement.getSymbolicName() + " [" + replacement.getBundleId() + "]";
        List<String> lines = new ArrayList<>();
        for (Bundle b : dependents) {
            String who = b.getSymbolicName() + " [" + b.getBundleId() + "]";
            BundleWiring wiring = b.getState() == Bundle.UNINSTALLED ? null : b.adapt(BundleWiring.class);
            if (wiring == null) {
                lines.add(who + " is not resolved after the refresh");
            } else if (wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .anyMatch(w -> w.getProvider().getBundle().getBundleId() == replacement.getBundleId())) {
                lines.add(who + " -> " + to);
            } else {
                lines.add(who + " no longer imports from " + replacement.getSymbolicName());
            }
        }
        return lines;
    }
}
