package dev.graft.host;

import java.util.List;

/**
 * What a swap would do, found without building or installing anything: the plugin, the loaded
 * plugins that depend on it (which would be rebuilt against the new version and swapped with it),
 * and one line per member saying how it would be built.
 *
 * @param name the plugin's name
 * @param loaded whether a plugin of that name is loaded (else the swap loads it)
 * @param dependants the names of the loaded plugins that depend on it, in dependency order
 * @param steps one line per member of the set, the plugin first
 */
public record SwapPlan(String name, boolean loaded, List<String> dependants, List<String> steps) {

    public SwapPlan {
        dependants = List.copyOf(dependants);
        steps = List.copyOf(steps);
    }
}
