package dev.graft.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.graft.compiler.SourcePlugin;

/**
 * A source plugin found in the sites.
 *
 * @param name the plugin's name
 * @param folder the folder that wins
 * @param shadowed folders of later sites with the same name, which are not loaded
 * @param exports the packages it exports
 * @param dependencies names of the plugins whose packages it uses
 * @param source the content read from the folder when the plan was made, which a load of the plan
 *        builds; empty when the folder cannot be read (a load reads it again and fails with the
 *        reader's diagnostic) or was not read
 */
public record FoundPlugin(String name, Path folder, List<Path> shadowed, List<String> exports, List<String> dependencies,
    Optional<SourcePlugin> source) {

    public FoundPlugin {
        shadowed = List.copyOf(shadowed);
        exports = List.copyOf(exports);
        dependencies = List.copyOf(dependencies);
    }

    /**
     * A plugin found without its content: a load reads its folder.
     *
     * @param name the plugin's name
     * @param folder the folder that wins
     * @param shadowed folders of later sites with the same name
     * @param exports the packages it exports
     * @param dependencies names of the plugins whose packages it uses
     */
    public FoundPlugin(String name, Path folder, List<Path> shadowed, List<String> exports, List<String> dependencies) {
        this(name, folder, shadowed, exports, dependencies, Optional.empty());
    }
}
