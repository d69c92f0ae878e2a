package dev.graft.host.internal.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

import dev.graft.host.ComponentState;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginState;
import dev.graft.host.internal.start.ComponentStates;

/**
 * A loaded plugin's record as the framework has it now: the state of its bundle and of its
 * components. A bundle that lost its wiring is {@link PluginState#UNRESOLVED}, with the imports
 * nothing provides; one that is resolved but not running is {@link PluginState#STOPPED}.
 */
final class LiveRecord {

    private LiveRecord() {
    }

    /**
     * @param recorded the record as it was made (its state ACTIVE or one of the installed states)
     * @param bundle its bundle, or null when it is not installed any more
     * @param scr the component runtime
     * @param wiring the framework's wiring
     * @return the record with the state, components and problems of now
     */
    static PluginRecord of(PluginRecord recorded, Bundle bundle, ServiceComponentRuntime scr, FrameworkWiring wiring) {
        if (bundle == null || bundle.getState() == Bundle.UNINSTALLED) {
            return recorded.with(PluginState.UNLOADED, List.of());
        }
        return switch (bundle.getState()) {
            case Bundle.ACTIVE -> withProblems(recorded, PluginState.ACTIVE, ComponentStates.of(scr, bundle), List.of());
            case Bundle.INSTALLED -> withProblems(recorded, PluginState.UNRESOLVED, List.of(), missingImports(bundle, wiring));
            default -> withProblems(recorded, PluginState.STOPPED, List.of(),
                List.of("bundle " + bundle.getBundleId() + " is resolved but " + stateName(bundle.getState())));
        };
    }

    /** Each mandatory import of the bundle that no installed bundle exports in its range, with the range. */
    static List<String> missingImports(Bundle bundle, FrameworkWiring wiring) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        List<String> missing = new ArrayList<>();
        if (revision != null) {
            for (BundleRequirement r : revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
                if (PackageNamespace.RESOLUTION_OPTIONAL.equals(r.getDirectives().get(Constants.RESOLUTION_DIRECTIVE))) {
                    continue;
                }
                Collection<BundleCapability> providers = wiring.findProviders(r);
                if (providers.stream().allMatch(c -> c.getRevision().getBundle().getBundleId() == bundle.getBundleId())) {
                    String filter = r.getDirectives().getOrDefault(PackageNamespace.REQUIREMENT_FILTER_DIRECTIVE, r.toString());
                    missing.add("bundle " + bundle.getBundleId() + " is not resolved: missing import " + packageOf(filter)
                        + ", which no installed bundle exports in the range it asks for " + filter);
                }
            }
        }
        if (missing.isEmpty()) {
            missing.add("bundle " + bundle.getBundleId() + " is not resolved");
        }
        return missing;
    }

    private static String packageOf(String filter) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(PackageNamespace.PACKAGE_NAMESPACE + "=([^)]+)").matcher(filter);
        return m.find() ? m.group(1) : filter;
    }

    private static PluginRecord withProblems(PluginRecord r, PluginState state, List<ComponentState> components, List<String> problems) {
        return new PluginRecord(r.name(), r.version(), r.location(), r.bundleId(), r.sourceDigest(), r.origin(), state, r.fromCache(),
            r.buildMillis(), r.startMillis(), components, state == PluginState.ACTIVE ? r.problems() : problems);
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.RESOLVED -> "not started";
            case Bundle.STARTING -> "still starting";
            case Bundle.STOPPING -> "stopping";
            default -> "in state " + state;
        };
    }
}
