package dev.graft.compiler;

import java.util.List;

/**
 * What the manifest of a built bundle says, in a form that needs no parsing.
 *
 * @param symbolicName the Bundle-SymbolicName, which is the plugin's name
 * @param version the Bundle-Version
 * @param imports the imported packages, each as {@code name;version="[1.0,2)"} or just {@code name}
 * @param exports the exported packages, each as {@code name;version="1.0.0"}
 * @param components the names of the Declarative Services components
 * @param activator the Bundle-Activator class, or empty
 */
public record BundleSummary(String symbolicName, String version, List<String> imports, List<String> exports,
    List<String> components, String activator) {

    public BundleSummary {
        imports = List.copyOf(imports);
        exports = List.copyOf(exports);
        components = List.copyOf(components);
    }
}
