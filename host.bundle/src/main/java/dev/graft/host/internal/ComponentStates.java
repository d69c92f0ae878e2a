package dev.graft.host.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import dev.graft.host.ComponentState;

/** The states of a bundle's Declarative Services components, read from SCR's runtime service. */
final class ComponentStates {

    private ComponentStates() {
    }

    /** How often a read that SCR failed while a configuration changed under it is tried in all. */
    static final int READS = 5;

    /**
     * Reads the states of a bundle's components. SCR 2.2 can fail a read with a
     * {@link RuntimeException} while a configuration of the bundle is being disposed in another
     * thread; such a read is tried again, up to {@link #READS} times in all.
     */
    static List<ComponentState> of(ServiceComponentRuntime scr, Bundle bundle) {
        for (int attempt = 1;; attempt++) {
            try {
                return read(scr, bundle);
            } catch (RuntimeException e) {
                if (attempt >= READS) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }

    private static List<ComponentState> read(ServiceComponentRuntime scr, Bundle bundle) {
        List<ComponentState> states = new ArrayList<>();
        if (bundle.getState() == Bundle.UNINSTALLED) {
            return states;
        }
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundle)) {
            if (!scr.isComponentEnabled(d)) {
                states.add(new ComponentState(d.name, "disabled", ""));
                continue;
            }
            List<ComponentConfigurationDTO> configurations = new ArrayList<>(scr.getComponentConfigurationDTOs(d));
            if (configurations.isEmpty()) {
                states.add(new ComponentState(d.name, "unsatisfied configuration", ""));
            }
            for (ComponentConfigurationDTO c : configurations) {
                states.add(new ComponentState(d.name, name(c.state), c.failure == null ? "" : c.failure));
            }
        }
        return states;
    }

    /**
     * Waits until every component of the bundle is active or satisfied, or one failed, or the
     * deadline passed; then returns the states.
     */
    static List<ComponentState> await(ServiceComponentRuntime scr, Bundle bundle, long deadlineMillis) throws InterruptedException {
        return awaitAll(scr, List.of(bundle), deadlineMillis).get(bundle);
    }

    /**
     * Waits until each bundle's components are all active or satisfied, or one of them failed, or
     * the deadline passed; a bundle that settled is not read again.
     *
     * @return the last states read, per bundle
     */
    static Map<Bundle, List<ComponentState>> awaitAll(ServiceComponentRuntime scr, List<Bundle> bundles, long deadlineMillis)
        throws InterruptedException {
        Map<Bundle, List<ComponentState>> states = new HashMap<>();
        List<Bundle> pending = new ArrayList<>(bundles);
        long end = System.nanoTime() + deadlineMillis * 1_000_000L;
        long pause = 1;
        while (true) {
            for (Iterator<Bundle> it = pending.iterator(); it.hasNext();) {
                Bundle bundle = it.next();
                List<ComponentState> now = of(scr, bundle);
                states.put(bundle, now);
                if (settled(bundle, now)) {
                    it.remove();
                }
            }
            if (pending.isEmpty() || System.nanoTime() > end) {
                return states;
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 20);
        }
    }

    private static boolean settled(Bundle bundle, List<ComponentState> states) {
        boolean anyFailed = states.stream().anyMatch(ComponentState::failed);
        return anyFailed || states.size() >= declaredComponentFiles(bundle) && states.stream().allMatch(ComponentStates::ready);
    }

    /** @return whether a component needs nothing more: active, satisfied (a delayed component), or disabled */
    static boolean ready(ComponentState c) {
        return c.state().equals("active") || c.state().equals("satisfied") || c.state().equals("disabled");
    }

    private static int declaredComponentFiles(Bundle bundle) {
        String header = bundle.getHeaders("").get("Service-Component");
        if (header == null || header.isBlank()) {
            return 0;
        }
        return header.split(",").length;
    }

    static String name(int state) {
        switch (state) {
            case ComponentConfigurationDTO.ACTIVE:
                return "active";
            case ComponentConfigurationDTO.SATISFIED:
                return "satisfied";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                return "unsatisfied reference";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                return "unsatisfied configuration";
            case ComponentConfigurationDTO.FAILED_ACTIVATION:
                return "failed activation";
            default:
                return "state " + state;
        }
    }
}
