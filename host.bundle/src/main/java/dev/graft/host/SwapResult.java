package dev.graft.host;

import java.util.List;

/**
 * What a swap did. When it failed, the new version was uninstalled again and the old one is
 * still active and serving, untouched. A swap of a plugin that other loaded plugins are wired to
 * swaps them too, rebuilt against the new version, in one transaction: all of them, or none.
 *
 * @param name the plugin's name
 * @param succeeded whether the new version replaced the old one
 * @param plugin the record of the version that runs now: the new one, or the old one after a failure
 * @param problems why the swap failed, at which step, naming the plugin of the set that failed; empty when it succeeded
 * @param rewired the bundles that were wired to the old versions and were not swapped with them (bundles
 *        that are not plugins), each with what it is wired to after the refresh:
 *        {@code "consumer [12] -> provider [31]"}, or why it is not
 * @param millis how long the swap took
 * @param dependants the loaded plugins that depend on it and were swapped with it, in dependency order:
 *        their new records when the swap succeeded, else the records of the versions that keep running
 */
public record SwapResult(String name, boolean succeeded, PluginRecord plugin, List<String> problems, List<String> rewired,
    long millis, List<PluginRecord> dependants) {

    public SwapResult {
        problems = List.copyOf(problems);
        rewired = List.copyOf(rewired);
        dependants = List.copyOf(dependants);
    }

    /** A swap of a plugin that no other plugin depends on. */
    public SwapResult(String name, boolean succeeded, PluginRecord plugin, List<String> problems, List<String> rewired, long millis) {
        this(name, succeeded, plugin, problems, rewired, millis, List.of());
    }
}
