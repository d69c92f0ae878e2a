package dev.graft.host.internal.swap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

import dev.graft.host.PluginRecord;

/**
 * The loaded plugins that depend on a plugin, read from the framework's wiring: every plugin whose
 * bundle is wired to it (imports a package of it, requires it, or attaches to it as a fragment),
 * and the plugins wired to those, and so on.
 */
public final class Dependants {

    private final BundleContext context;
    private final Map<Long, PluginRecord> byBundle = new HashMap<>();

    /**
     * @param context any bundle context of the framework
     * @param loaded the records of the loaded plugins
     */
    public Dependants(BundleContext context, List<PluginRecord> loaded) {
        this.context = context;
        for (PluginRecord r : loaded) {
            if (r.bundleId() >= 0) {
                byBundle.put(r.bundleId(), r);
            }
        }
    }

    /**
     * @param plugin a loaded plugin
     * @return the plugins that depend on it, directly or through each other, in dependency order:
     *         each after every plugin of the list it is wired to; the plugin itself is not in it
     */
    public List<PluginRecord> of(PluginRecord plugin) {
        byBundle.putIfAbsent(plugin.bundleId(), plugin);
        List<PluginRecord> unloadOrder = new ArrayList<>();
        visit(plugin.bundleId(), new HashSet<>(), unloadOrder);
        unloadOrder.remove(unloadOrder.size() - 1);
        List<PluginRecord> dependencyOrder = new ArrayList<>(unloadOrder);
        java.util.Collections.reverse(dependencyOrder);
        return dependencyOrder;
    }

    /** Depth first over the bundles wired to a bundle: each plugin is added after every plugin that depends on it. */
    private void visit(long bundleId, Set<Long> seen, List<PluginRecord> unloadOrder) {
        if (!seen.add(bundleId)) {
            return;
        }
        Bundle bundle = context.getBundle(bundleId);
        BundleWiring wiring = bundle == null ? null : bundle.adapt(BundleWiring.class);
        if (wiring != null) {
            for (BundleWire wire : wiring.getProvidedWires(null)) {
                long requirer = wire.getRequirer().getBundle().getBundleId();
                if (requirer != bundleId && byBundle.containsKey(requirer)) {
                    visit(requirer, seen, unloadOrder);
                }
            }
        }
        PluginRecord r = byBundle.get(bundleId);
        if (r != null) {
            unloadOrder.add(r);
        }
    }

    /** @return the names with bundle ids: {@code hello [7], bonjour [8]} */
    public static String describe(List<PluginRecord> plugins) {
        return String.join(", ", plugins.stream().map(r -> r.name() + " [" + r.bundleId() + "]").toList());
    }
}
