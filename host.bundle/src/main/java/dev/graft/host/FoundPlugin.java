package dev.graft.host;

import java.nio.file.Path;
import java.util.List;

/**
 * A source plugin found in the sites.
 *
 * @param name the plugin's name
 * @param folder the folder that wins
 * @param shadowed folders of later sites with the same name, which are not loaded
 * @param exports the packages it exports
 * @param dependencies names of the plugins whose packages it imports
 */
public record FoundPlugin(String name, Path folder, List<Path> shadowed, List<String> exports, List<String> dependencies) {

    public FoundPlugin {
        shadowed = List.copyOf(shadowed);
        exports = List.copyOf(exports);
        dependencies = List.copyOf(dependencies);
    }
}
