package dev.graft.host.internal.swap;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import dev.graft.host.ComponentState;
import dev.graft.host.PluginRecord;
import dev.graft.host.SwapResult;
import dev.graft.host.internal.build.PluginBuilder;
import dev.graft.host.internal.build.Prepared;
import dev.graft.host.internal.start.BundleStarter;
import dev.graft.host.internal.start.Readiness;
import dev.graft.host.internal.start.RecordKeeper;
import dev.graft.host.internal.start.TimedTask;

/**
 * One swap: start the new version beside the old one, and only when its components are active,
 * record it and retire the old one (uninstall and refresh, which re-wires the bundles that were
 * wired to it). Any failure uninstalls the new bundle and leaves the old version untouched.
 */
public final class Swap {

    private final BundleContext context;
    private final RecordKeeper registry;
    private final BundleStarter starter;

    public Swap(BundleContext context, RecordKeeper registry, BundleStarter starter) {
        this.context = context;
        this.registry = registry;
        this.starter = starter;
    }

    public SwapResult run(PluginRecord old, Bundle oldBundle, Prepared prepared, long beginNanos) {
        if (prepared.outcome() == null || !prepared.outcome().succeeded()) {
            return failed(old, prepared.problems(), beginNanos);
        }
        PluginBuilder.Result outcome = prepared.outcome();
        String location = registry.newLocation(outcome.name(), outcome.locationDigest());
        BundleStarter.Started started = starter.start(outcome.name(), location, outcome.bundle(), outcome.configurations());
        if (!started.succeeded()) {
            return failed(old, started.problems(), beginNanos);
        }
        List<String> notReady = problemsOfNew(outcome.name(), started, old);
        if (notReady == null) {
            return failed(old, List.of(stuckActivation()), beginNanos);
        }
        if (!notReady.isEmpty()) {
            starter.uninstall(outcome.name(), started.bundle());
            return failed(old, notReady, beginNanos);
        }
        List<Bundle> dependents = Rewiring.dependents(oldBundle, started.bundle());
        PluginRecord now = started.record(outcome, prepared.origin(), location);
        registry.record(now);
        starter.uninstall(old.name(), oldBundle);
        return new SwapResult(old.name(), true, now, List.of(), Rewiring.describe(dependents, started.bundle()),
            PluginBuilder.millisSince(beginNanos));
    }

    /**
     * What keeps a started new version from serving: its components by the readiness rule, then
     * the first get of each of its services.
     *
     * @return the problems, or null when an activation is stuck past the start deadline (the
     *         bundle is then abandoned, and uninstalled once the activation returns: never touch it)
     */
    List<String> problemsOfNew(String name, BundleStarter.Started started, PluginRecord old) {
        List<String> notReady = notReady(started, old);
        return notReady.isEmpty() ? activationProblems(name, started.bundle()) : notReady;
    }

    String stuckActivation() {
        return "stuck: a component's activation has not returned after " + starter.startDeadlineMillis()
            + " ms (startDeadlineMillis); the new bundle is abandoned, and uninstalled once the activation returns";
    }

    /**
     * What keeps the new version from serving, by the {@link Readiness} rule: a component still
     * pending when the deadline passed (unless the old version's component of that name was not
     * ready either). A component that waits for a configuration or for a service nobody provides is
     * settled and does not stop the swap.
     */
    private List<String> notReady(BundleStarter.Started started, PluginRecord old) {
        Set<String> waitingBefore = old.components().stream().filter(c -> !Readiness.ready(c)).map(ComponentState::name)
            .collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (ComponentState c : started.components()) {
            if (started.pending().contains(c.name()) && !waitingBefore.contains(c.name())) {
                problems.add("deadline passed: component " + c.name() + " is " + c.state()
                    + (c.waiting() ? " (waiting for " + c.waitingFor() + ")" : "") + " after " + starter.componentDeadlineMillis()
                    + " ms (componentDeadlineMillis)");
            }
        }
        return problems;
    }

    /**
     * Gets each service the bundle's components registered once, which activates a delayed
     * component, and lets it go again; each get has the start deadline.
     *
     * @return the components that failed to activate, or null when an activation is stuck (the
     *         bundle is then abandoned and uninstalled once it returns)
     */
    private List<String> activationProblems(String name, Bundle bundle) {
        List<String> problems = new ArrayList<>();
        ServiceReference<?>[] services = bundle.getRegisteredServices();
        for (ServiceReference<?> ref : services == null ? new ServiceReference<?>[0] : services) {
            Object component = ref.getProperty("component.name");
            if (component == null) {
                continue;
            }
            boolean[] got = new boolean[1];
            TimedTask get = TimedTask.start("graft-activate " + component, () -> {
                if (context.getService(ref) != null) {
                    got[0] = true;
                    context.ungetService(ref);
                }
            });
            boolean returned;
            try {
                returned = get.awaitUntil(System.nanoTime() + starter.startDeadlineMillis() * 1_000_000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                returned = false;
            }
            if (!returned) {
                get.abandon(() -> starter.uninstall(name, bundle));
                return null;
            }
            if (got[0]) {
                continue;
            }
            String failure = starter.components(bundle).stream().filter(c -> c.name().equals(component) && !c.failure().isEmpty())
                .map(c -> ": " + BundleStarter.firstLine(c.failure())).findFirst().orElse("");
            problems.add("component " + component + " failed to activate when its service was first got" + failure);
        }
        return problems;
    }

    private static SwapResult failed(PluginRecord old, List<String> problems, long beginNanos) {
        List<String> why = new ArrayList<>(problems);
        why.add("the old version (bundle " + old.bundleId() + ") keeps running");
        return new SwapResult(old.name(), false, old, why, List.of(), PluginBuilder.millisSince(beginNanos));
    }
}
