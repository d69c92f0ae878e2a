package dev.graft.host.internal.start;

import java.util.List;
import java.util.function.Predicate;

import dev.graft.host.ComponentState;

/**
 * The readiness rule, in one place: when a plugin's components are settled, shared by the load's
 * wait and the swap's check. A component is settled when it is active, satisfied or disabled, when
 * it failed, when it waits for a configuration (one may come at any time; nothing in the load brings
 * it), or when it waits for a service that no started bundle provides or declares it will provide
 * ({@code Provide-Capability: osgi.service}). Only a service that some started bundle provides or
 * will provide is waited for, up to the component deadline.
 */
public final class Readiness {

    private Readiness() {
    }

    /** Where one component, or one plugin, stands. */
    enum Verdict {
        /** Active, satisfied (a delayed component) or disabled. */
        READY,
        /** Settled, waiting for a configuration or for a service nobody provides. */
        WAITING,
        /** Waiting for a service that nobody provides yet but a later wave of the load may: asked again after the last wave. */
        DEFERRED,
        /** Not settled: waiting for a service that is coming, or for SCR. */
        PENDING,
        /** Its activation failed. */
        FAILED
    }

    /**
     * @param provided whether a wanted service is provided, or declared by a started bundle
     * @param laterWaves whether plugins of the load are still to be installed
     */
    static Verdict of(ComponentStates.Reading reading, Predicate<ComponentStates.Wanted> provided, boolean laterWaves) {
        ComponentState c = reading.state();
        if (c.failed()) {
            return Verdict.FAILED;
        }
        if (ready(c)) {
            return Verdict.READY;
        }
        if (c.state().equals("unsatisfied configuration")) {
            return Verdict.WAITING;
        }
        if (c.state().equals("unsatisfied reference") && !reading.missingServices().stream().allMatch(provided)) {
            return laterWaves ? Verdict.DEFERRED : Verdict.WAITING;
        }
        return Verdict.PENDING;
    }

    /**
     * A plugin's verdict: failed when a component failed, pending while a component is pending or
     * SCR has not read all its component descriptions yet, else the least ready of its components.
     */
    static Verdict ofPlugin(List<Verdict> components, int declaredComponentFiles) {
        if (components.contains(Verdict.FAILED)) {
            return Verdict.FAILED;
        }
        if (components.size() < declaredComponentFiles || components.contains(Verdict.PENDING)) {
            return Verdict.PENDING;
        }
        if (components.contains(Verdict.DEFERRED)) {
            return Verdict.DEFERRED;
        }
        return components.contains(Verdict.WAITING) ? Verdict.WAITING : Verdict.READY;
    }

    /** @return whether a component needs nothing more: active, satisfied (a delayed component), or disabled */
    public static boolean ready(ComponentState c) {
        return c.state().equals("active") || c.state().equals("satisfied") || c.state().equals("disabled");
    }
}
