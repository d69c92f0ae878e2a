package dev.graft.test.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** What Declarative Services says about the components of one bundle that take a configuration PID. */
public final class ComponentProbe {

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final Bundle bundle;
    private final String pid;

    /**
     * @param context the test bundle's context, to see the components' services
     * @param scr Declarative Services' runtime
     * @param bundle the plugin's bundle
     * @param pid the configuration PID
     */
    public ComponentProbe(BundleContext context, ServiceComponentRuntime scr, Bundle bundle, String pid) {
        this.context = context;
        this.scr = scr;
        this.bundle = bundle;
        this.pid = pid;
    }

    /** @return the names of the bundle's components that take the PID */
    public List<String> componentNames() {
        return descriptions().stream().map(d -> d.name).toList();
    }

    /**
     * @param wanted the properties the component must have
     * @return whether a component of the bundle that takes the PID is active or satisfied with
     *         every wanted property at its value and, when it provides services, has its service
     *         registered with those values: Declarative Services shows the new values on the
     *         component a moment before it has unregistered the old service and registered the new one
     */
    public boolean has(Map<String, ?> wanted) {
        for (ComponentDescriptionDTO d : descriptions()) {
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if ((c.state == ComponentConfigurationDTO.ACTIVE || c.state == ComponentConfigurationDTO.SATISFIED)
                    && matches(wanted, c.properties) && (d.serviceInterfaces.length == 0 || serviceHas(c.id, wanted))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(Map<String, ?> wanted, Map<String, Object> properties) {
        return wanted.entrySet().stream().allMatch(e -> same(e.getValue(), properties.get(e.getKey())));
    }

    /** Whether the component configuration's service is registered with the values (private ones, ".key", are not on services). */
    private boolean serviceHas(long componentId, Map<String, ?> wanted) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(component.id=" + componentId + ")");
            if (refs == null) {
                return false;
            }
            for (ServiceReference<?> ref : refs) {
                if (ref.getBundle() == bundle && wanted.entrySet().stream().filter(e -> !e.getKey().startsWith("."))
                    .allMatch(e -> same(e.getValue(), ref.getProperty(e.getKey())))) {
                    return true;
                }
            }
            return false;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return each component that takes the PID, its state and its properties now, for a failure message */
    public String describe() {
        List<ComponentDescriptionDTO> descriptions = descriptions();
        if (descriptions.isEmpty()) {
            return "no component of " + bundle.getSymbolicName() + " (bundle " + bundle.getBundleId() + ") takes the PID " + pid;
        }
        List<String> lines = new ArrayList<>();
        for (ComponentDescriptionDTO d : descriptions) {
            ComponentConfigurationDTO[] configs = scr.getComponentConfigurationDTOs(d).toArray(ComponentConfigurationDTO[]::new);
            if (configs.length == 0) {
                lines.add(d.name + ": " + (scr.isComponentEnabled(d) ? "no configuration of it is satisfied" : "disabled"));
            }
            for (ComponentConfigurationDTO c : configs) {
                TreeMap<String, String> shown = new TreeMap<>();
                c.properties.forEach((k, v) -> {
                    if (!k.startsWith("component.") && !k.startsWith("osgi.ds.") && !k.equals("service.pid") && !k.equals("objectClass")) {
                        shown.put(k, text(v));
                    }
                });
                lines.add(d.name + ": " + state(c.state) + " with " + shown
                    + (c.failure == null ? "" : " (" + c.failure.lines().findFirst().orElse("") + ")"));
            }
        }
        return String.join("; ", lines);
    }

    /**
     * @return the bundle's components that take the PID; the bundle may be gone
     */
    private List<ComponentDescriptionDTO> descriptions() {
        if (bundle.getState() == Bundle.UNINSTALLED) {
            return List.of();
        }
        return scr.getComponentDescriptionDTOs(bundle).stream()
            .filter(d -> Arrays.asList(d.configurationPid).contains(pid)).toList();
    }

    private static String state(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.ACTIVE -> "active";
            case ComponentConfigurationDTO.SATISFIED -> "satisfied";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "waiting for its configuration";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "waiting for a service";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "failed activation";
            default -> "state " + state;
        };
    }

    /**
     * Values as Configuration Admin and Declarative Services hand them on: an array and a list of
     * the same elements are the same, and numbers compare by their text (Configuration Admin
     * keeps the type the test gave, a metatype may have changed it).
     */
    static boolean same(Object wanted, Object actual) {
        if (Objects.deepEquals(wanted, actual)) {
            return true;
        }
        if (wanted == null || actual == null) {
            return false;
        }
        return text(wanted).equals(text(actual));
    }

    static String text(Object value) {
        if (value != null && value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(String.valueOf(Array.get(value, i)));
            }
            return items.toString();
        }
        if (value instanceof java.util.Collection<?> c) {
            return c.stream().map(String::valueOf).toList().toString();
        }
        return String.valueOf(value);
    }

    /** @return empty when the bundle has no component taking the PID */
    public Optional<String> noComponent() {
        return descriptions().isEmpty() ? Optional.of(describe()) : Optional.empty();
    }
}
