package dev.graft.host;

import java.util.List;

/**
 * What an unload did. A plugin that other loaded plugins are wired to is unloaded only when its
 * dependants were asked to go too; otherwise nothing is unloaded and they are named.
 *
 * @param name the plugin's name
 * @param succeeded whether the plugin (and the dependants, when asked) were unloaded
 * @param unloaded the records after unloading, in the order they were unloaded: dependants first
 *        (each before the plugins it depends on), the named plugin last; empty when nothing was
 * @param dependants the loaded plugins wired to it, directly or through each other, in dependency
 *        order; when they kept the unload from happening, the reason is in {@code problems}
 * @param problems why nothing was unloaded; empty when it succeeded
 */
public record UnloadResult(String name, boolean succeeded, List<PluginRecord> unloaded, List<String> dependants,
    List<String> problems) {

    public UnloadResult {
        unloaded = List.copyOf(unloaded);
        dependants = List.copyOf(dependants);
        problems = List.copyOf(problems);
    }
}
