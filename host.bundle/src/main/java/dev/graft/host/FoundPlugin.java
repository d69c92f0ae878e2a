package dev.graft.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.graft.compiler.SourcePlugin;

/**
 * A source plugin found in the sites, or a prebuilt bundle (a jar in a site folder, or one given
 * with {@code --jar}) that is installed as it is, before the source plugins that use its packages.
 *
 * @param name the plugin's name (a prebuilt bundle's Bundle-SymbolicName)
 * @param folder the folder that wins, or the jar of a prebuilt bundle
 * @param shadowed folders of later sites with the same name, which are not loaded
 * @param exports the packages it exports
 * @param dependencies names of the plugins whose packages it uses
 * @param source the content read from the folder when the plan was made, which a load of the plan
 *        builds; empty when the folder cannot be read (a load reads it again and fails with the
 *        reader's diagnostic) or was not read, and for a prebuilt bundle
 * @param prebuilt whether it is a prebuilt bundle jar rather than a source folder
 */
public record FoundPlugin(String name, Path folder, List<Path> shadowed, List<String> exports, List<String> dependencies,
    Optional<SourcePlugin> source, boolean prebuilt) {

    public FoundPlugin {
        shadowed = List.copyOf(shadowed);
        exports = List.copyOf(exports);
        dependencies = List.copyOf(dependencies);
    }

    /**
     * A source plugin found with its content.
     *
     * @param name the plugin's name
     * @param folder the folder that wins
     * @param shadowed folders of later sites with the same name
     * @param exports the packages it exports
     * @param dependencies names of the plugins whose packages it uses
     * @param source the content read from the folder, empty when it cannot be read
     */
    public FoundPlugin(String name, Path folder, List<Path> shadowed, List<String> exports, List<String> dependencies,
        Optional<SourcePlugin> source) {
        this(name, folder, shadowed, exports, dependencies, source, false);
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
        this(name, folder, shadowed, exports, dependencies, Optional.empty(), false);
    }
}
