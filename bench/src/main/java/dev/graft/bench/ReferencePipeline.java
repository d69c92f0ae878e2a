package dev.graft.bench;

import java.util.Map;
import java.util.SortedMap;

/**
 * A way to turn a generated plugin into a bundle that the benchmarks compare Graft with: a
 * compiler (raw ECJ or javac) followed by raw bnd analysis. Each instance is kept across calls, so
 * that repeated calls measure the steady state.
 */
public interface ReferencePipeline {

    /** @return a short name for the report */
    String name();

    /**
     * Compiles the plugin's sources.
     *
     * @param plugin the plugin
     * @return class file bytes by entry path
     * @throws IllegalStateException naming the first error when the sources do not compile
     */
    SortedMap<String, byte[]> compile(GeneratedPlugin plugin) throws Exception;

    /**
     * Compiles and packages the plugin, and tells how long each part took.
     *
     * @param plugin the plugin
     * @return the bundle and the timings
     */
    default Result build(GeneratedPlugin plugin) throws Exception {
        long begin = System.nanoTime();
        SortedMap<String, byte[]> classes = compile(plugin);
        long compiled = System.nanoTime();
        byte[] jar = RawBnd.pack(plugin.name(), classes, versions());
        long packed = System.nanoTime();
        return new Result(jar, (compiled - begin) / 1e6, (packed - compiled) / 1e6);
    }

    /** @return the version of each imported package that bnd puts on its import range */
    default Map<String, String> versions() {
        return Map.of("org.osgi.framework", "1.10.0");
    }

    /**
     * One build.
     *
     * @param jar the bundle
     * @param compileMillis the compiler's part
     * @param packMillis bnd's part
     */
    record Result(byte[] jar, double compileMillis, double packMillis) {

        /** @return both parts */
        public double totalMillis() {
            return compileMillis + packMillis;
        }
    }
}
