package dev.graft.host.internal.start;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

import dev.graft.host.ComponentState;

/** The states of a bundle's Declarative Services components, read from SCR's runtime service. */
public final class ComponentStates {

    private ComponentStates() {
    }

    /** How often a read that SCR failed while a configuration changed under it is tried in all. */
    static final int READS = 5;

    /**
     * One component as read: its state, and the services its unsatisfied mandatory references want
     * (empty unless it waits for a service).
     */
    record Reading(ComponentState state, List<Wanted> missingServices) {
    }

    /** A service a reference wants: its interface, and its target filter or null. */
    record Wanted(String service, String target) {

        @Override
        public String toString() {
            return target == null ? service : service + " " + target;
        }
    }

    /** Reads the states of a bundle's components; see {@link #read}. */
    public static List<ComponentState> of(ServiceComponentRuntime scr, Bundle bundle) {
        return read(scr, bundle).stream().map(Reading::state).toList();
    }

    /**
     * Reads a bundle's components. SCR 2.2 can fail a read with a {@link RuntimeException} while a
     * configuration of the bundle is being disposed in another thread; such a read is tried again,
     * up to {@link #READS} times in all.
     */
    static List<Reading> read(ServiceComponentRuntime scr, Bundle bundle) {
        for (int attempt = 1;; attempt++) {
            try {
                return readOnce(scr, bundle);
            } catch (RuntimeException e) {
                if (attempt >= READS) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }

    private static List<Reading> readOnce(ServiceComponentRuntime scr, Bundle bundle) {
        List<Reading> states = new ArrayList<>();
        if (bundle.getState() == Bundle.UNINSTALLED) {
            return states;
        }
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundle)) {
            if (!scr.isComponentEnabled(d)) {
                states.add(new Reading(new ComponentState(d.name, "disabled", ""), List.of()));
                continue;
            }
            List<ComponentConfigurationDTO> configurations = new ArrayList<>(scr.getComponentConfigurationDTOs(d));
            if (configurations.isEmpty()) {
                states.add(new Reading(new ComponentState(d.name, "unsatisfied configuration", "", configurationWanted(d)), List.of()));
            }
            for (ComponentConfigurationDTO c : configurations) {
                states.add(reading(d, c));
            }
        }
        return states;
    }

    private static Reading reading(ComponentDescriptionDTO d, ComponentConfigurationDTO c) {
        String failure = c.failure == null ? "" : c.failure;
        if (c.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION) {
            return new Reading(new ComponentState(d.name, name(c.state), failure, configurationWanted(d)), List.of());
        }
        if (c.state != ComponentConfigurationDTO.UNSATISFIED_REFERENCE || c.unsatisfiedReferences == null) {
            return new Reading(new ComponentState(d.name, name(c.state), failure), List.of());
        }
        List<Wanted> missing = new ArrayList<>();
        for (UnsatisfiedReferenceDTO u : c.unsatisfiedReferences) {
            for (ReferenceDTO r : d.references) {
                Wanted wanted = new Wanted(r.interfaceName, u.target != null ? u.target : r.target);
                if (r.name.equals(u.name) && !missing.contains(wanted)) {
                    missing.add(wanted);
                }
            }
        }
        String waitingFor = missing.isEmpty() ? "" : "service " + String.join(", ", missing.stream().map(Wanted::toString).toList());
        return new Reading(new ComponentState(d.name, name(c.state), failure, waitingFor), List.copyOf(missing));
    }

    private static String configurationWanted(ComponentDescriptionDTO d) {
        String[] pids = d.configurationPid == null || d.configurationPid.length == 0 ? new String[] { d.name } : d.configurationPid;
        return "configuration PID " + String.join(", ", pids);
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
