package dev.graft.host;

import java.util.List;

/**
 * What a swap did. When it failed, the new version was uninstalled again and the old one is
 * still active and serving, untouched.
 *
 * @param name the plugin's name
 * @param succeeded whether the new version replaced the old one
 * @param plugin the record of the version that runs now: the new one, or the old one after a failure
 * @param problems why the swap failed, at which step; empty when it succeeded
 * @param rewired the bundles that were wired to the old version, each with what it is wired to after the
 *        refresh: {@code "consumer [12] -> provider [31]"}, or why it is not
 * @param millis how long the swap took
 */
public record SwapResult(String name, boolean succeeded, PluginRecord plugin, List<String> problems, List<String> rewired,
    long millis) {

    public SwapResult {
        problems = List.copyOf(problems);
        rewired = List.copyOf(rewired);
    }
}
