package dev.graft.host.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginState;
import dev.graft.host.SwapResult;

/**
 * One swap: start the new version beside the old one, and only when it runs, retire the old one.
 * Any failure leaves the old version untouched.
 */
final class Swap {

    private final PluginRegistry registry;
    private final BundleStarter starter;
    private final RetiredRevisions retired;

    Swap(PluginRegistry registry, BundleStarter starter, RetiredRevisions retired) {
        this.registry = registry;
        this.starter = starter;
        this.retired = retired;
    }

    SwapResult run(PluginRecord old, Bundle oldBundle, Prepared prepared, long beginNanos) {
        if (prepared.outcome() == null || !prepared.outcome().succeeded()) {
            return failed(old, prepared.problems(), beginNanos);
        }
        PluginBuilder.Outcome outcome = prepared.outcome();
        String location = registry.newLocation(outcome.name(), outcome.sourceDigest());
        BundleStarter.Started started = starter.start(location, outcome.bundle());
        if (!started.succeeded()) {
            return failed(old, started.problems(), beginNanos);
        }
        List<String> rewired = dependents(oldBundle);
        PluginRecord now = new PluginRecord(outcome.name(), started.bundle().getVersion().toString(), location,
            started.bundle().getBundleId(), outcome.sourceDigest(), prepared.site().toString(), PluginState.ACTIVE, outcome.fromCache(),
            outcome.millis(), started.millis(), started.components(), List.of());
        registry.record(now);
        retired.retiring(old.name(), oldBundle);
        starter.uninstall(oldBundle);
        return new SwapResult(old.name(), true, now, List.of(), rewired, PluginBuilder.millisSince(beginNanos));
    }

    private static SwapResult failed(PluginRecord old, List<String> problems, long beginNanos) {
        List<String> why = new ArrayList<>(problems);
        why.add("the old version (bundle " + old.bundleId() + ") keeps running");
        return new SwapResult(old.name(), false, old, why, List.of(), PluginBuilder.millisSince(beginNanos));
    }

    /** The bundles that import packages from a bundle, by symbolic name. */
    static List<String> dependents(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        Set<String> names = new LinkedHashSet<>();
        if (wiring != null) {
            for (BundleWire wire : wiring.getProvidedWires(PackageNamespace.PACKAGE_NAMESPACE)) {
                Bundle requirer = wire.getRequirer().getBundle();
                if (requirer.getBundleId() != bundle.getBundleId()) {
                    names.add(requirer.getSymbolicName() + " [" + requirer.getBundleId() + "]");
                }
            }
        }
        return List.copyOf(names);
    }
}
