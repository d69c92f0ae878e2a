package dev.graft.compiler.internal;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which file of a source plugin is what: {@code bnd.bnd}, Java sources under {@code src/} (or in
 * the folder itself when it has no {@code src/}), and resources under {@code resources/} (also the
 * non-Java files under {@code src/}), and the library jars of a fat plugin directly under
 * {@code lib/}. Anything else is ignored.
 *
 * @param bnd the bytes of {@code bnd.bnd}, or null
 * @param sources the Java sources by relative path
 * @param resources the resources by their path inside the bundle
 * @param libraries the jars of {@code lib/} by relative path ({@code lib/name.jar})
 */
record PluginLayout(byte[] bnd, SortedMap<String, byte[]> sources, SortedMap<String, byte[]> resources,
    SortedMap<String, byte[]> libraries) {

    static final String BND_FILE = "bnd.bnd";
    static final String SRC = "src/";
    static final String RESOURCES = "resources/";
    static final String LIB = "lib/";

    static PluginLayout of(Map<String, byte[]> files) {
        boolean hasSrc = files.keySet().stream().anyMatch(p -> p.startsWith(SRC));
        SortedMap<String, byte[]> sources = new TreeMap<>();
        SortedMap<String, byte[]> resources = new TreeMap<>();
        SortedMap<String, byte[]> libraries = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            String path = e.getKey();
            if (isLibrary(path)) {
                libraries.put(path, e.getValue());
            } else if (path.startsWith(RESOURCES)) {
                resources.put(path.substring(RESOURCES.length()), e.getValue());
            } else if (hasSrc && path.startsWith(SRC)) {
                if (path.endsWith(".java")) {
                    sources.put(path, e.getValue());
                } else {
                    resources.put(path.substring(SRC.length()), e.getValue());
                }
            } else if (!hasSrc && path.endsWith(".java")) {
                sources.put(path, e.getValue());
            }
        }
        return new PluginLayout(files.get(BND_FILE), sources, resources, libraries);
    }

    /** Whether a relative path is a library jar: {@code lib/NAME.jar}, directly in {@code lib/}. */
    static boolean isLibrary(String path) {
        return path.startsWith(LIB) && path.endsWith(".jar") && path.indexOf('/', LIB.length()) < 0;
    }

    /**
     * @param sourcePath a source's path relative to the plugin
     * @return the package its folder suggests, for example {@code com.acme} for {@code src/com/acme/A.java}
     */
    static String folderPackage(String sourcePath) {
        String p = sourcePath.startsWith(SRC) ? sourcePath.substring(SRC.length()) : sourcePath;
        int slash = p.lastIndexOf('/');
        return slash < 0 ? "" : p.substring(0, slash).replace('/', '.');
    }
}
