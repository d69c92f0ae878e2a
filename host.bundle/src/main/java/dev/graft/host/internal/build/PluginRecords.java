package dev.graft.host.internal.build;

import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.Bundle;

import dev.graft.host.ComponentState;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginState;

/** The one place the host makes a {@link PluginRecord}: for each way a plugin can end up, one method. */
public final class PluginRecords {

    private PluginRecords() {
    }

    /**
     * A plugin that was never installed: it failed to build or was skipped.
     *
     * @param built its build, or null when it never built
     */
    public static PluginRecord notInstalled(String name, Path origin, PluginState state, PluginBuilder.Result built, List<String> problems) {
        return new PluginRecord(name, "", "", -1, built == null ? "" : built.sourceDigest(), origin.toString(), state, false,
            built == null ? 0 : built.millis(), 0, List.of(), problems, List.of(), built == null ? List.of() : built.diagnostics());
    }

    /**
     * A plugin after its start: active with its bundle when the start succeeded, else failed.
     *
     * @param bundle its bundle, or null when it could not be installed
     * @param problems why the start failed; empty when it succeeded
     */
    public static PluginRecord started(PluginBuilder.Result built, Path origin, String location, Bundle bundle, long startMillis,
        List<ComponentState> components, List<String> problems, List<String> stuckThreads) {
        boolean succeeded = problems.isEmpty();
        return new PluginRecord(built.name(), bundle == null ? "" : bundle.getVersion().toString(), location,
            succeeded ? bundle.getBundleId() : -1, built.sourceDigest(), origin.toString(), succeeded ? PluginState.ACTIVE : PluginState.FAILED,
            built.fromCache(), built.millis(), startMillis, components, problems, stuckThreads, built.diagnostics());
    }

    /** A loaded plugin refused after its start and unloaded, with the one reason. */
    public static PluginRecord refused(PluginRecord loaded, String problem) {
        return new PluginRecord(loaded.name(), loaded.version(), loaded.location(), -1, loaded.sourceDigest(), loaded.origin(),
            PluginState.FAILED, loaded.fromCache(), loaded.buildMillis(), loaded.startMillis(), List.of(), List.of(problem), List.of(),
            loaded.diagnostics());
    }

    /** A loaded plugin as its bundle stands now; an active one keeps the problems it was loaded with. */
    public static PluginRecord now(PluginRecord loaded, PluginState state, List<ComponentState> components, List<String> problems) {
        return new PluginRecord(loaded.name(), loaded.version(), loaded.location(), loaded.bundleId(), loaded.sourceDigest(),
            loaded.origin(), state, loaded.fromCache(), loaded.buildMillis(), loaded.startMillis(), components,
            state == PluginState.ACTIVE ? loaded.problems() : problems, List.of(), loaded.diagnostics());
    }
}
