package dev.graft.host.internal.build;

import java.nio.file.Path;
import java.util.List;

import dev.graft.host.FoundPlugin;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginState;

/**
 * A plugin ready to install (its build outcome), or one that will not be installed and why.
 *
 * @param name the plugin's name
 * @param origin the folder or jar it comes from
 * @param outcome the build outcome, or null when it was skipped or could not be read
 * @param state FAILED or SKIPPED when there is nothing to install
 * @param problems why
 */
public record Prepared(String name, Path origin, PluginBuilder.Result outcome, PluginState state, List<String> problems) {

    public static Prepared built(Path origin, PluginBuilder.Result outcome) {
        return new Prepared(outcome.name(), origin, outcome, outcome.succeeded() ? PluginState.ACTIVE : PluginState.FAILED,
            outcome.problems());
    }

    public static Prepared failed(String name, Path origin, List<String> problems) {
        return new Prepared(name, origin, null, PluginState.FAILED, problems);
    }

    public static Prepared skipped(FoundPlugin plugin, String reason) {
        return new Prepared(plugin.name(), plugin.folder(), null, PluginState.SKIPPED, List.of(reason));
    }

    public PluginRecord failedRecord() {
        return new PluginRecord(name, "", "", -1, outcome == null ? "" : outcome.sourceDigest(), origin.toString(), state,
            false, outcome == null ? 0 : outcome.millis(), 0, List.of(), problems);
    }
}
