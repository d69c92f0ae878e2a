package dev.graft.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The floor of a cold start of many plugins (issue 18): in one process, every plugin's sources
 * compiled by raw ECJ in one pass (one compiler, all units), then each plugin packaged by raw bnd
 * (the plugins in parallel, on every core; {@code -Dbatch.threads=N} to use N), then all installed and started in plain Felix + SCR,
 * until every plugin's component has registered its service.
 *
 * <p>{@code BatchFloor GRAFT_JAR SITE API_JAR...} prints {@code plugins=N ready-ms=M compile-ms=C
 * package-ms=P}, times from the start of {@code main}. The site holds generated plugins
 * ({@link GeneratedPlugin}): each folder's sources are under {@code src/}, its classes in one
 * package of its own.
 */
public final class BatchFloor {

    private BatchFloor() {
    }

    public static void main(String[] args) throws Exception {
        long begin = System.nanoTime();
        Path graftJar = Path.of(args[0]);
        Map<String, Map<String, String>> sources = new TreeMap<>();
        Map<String, String> packageOf = new TreeMap<>();
        try (Stream<Path> folders = Files.list(Path.of(args[1]))) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                String name = folder.getFileName().toString();
                sources.put(name, read(folder));
                packageOf.put(name, new GeneratedPlugin(name, 1, 0).javaPackage());
            }
        }
        List<Path> api = Stream.of(args).skip(2).map(Path::of).toList();
        Map<String, SortedMap<String, byte[]>> classes = new RawEcj(api).compileAll(sources, packageOf);
        long compiled = System.nanoTime();
        Map<String, byte[]> bundles = new ConcurrentHashMap<>();
        Map<String, String> versions = Map.of("org.osgi.framework", "1.10.0");
        int threads = Integer.getInteger("batch.threads", Runtime.getRuntime().availableProcessors());
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        pool.submit(() -> classes.entrySet().parallelStream().forEach(e -> {
            try {
                bundles.put(e.getKey(), RawBnd.pack(e.getKey(), e.getValue(), versions));
            } catch (Exception x) {
                throw new IllegalStateException(e.getKey() + ": " + x, x);
            }
        })).get();
        pool.shutdown();
        long packaged = System.nanoTime();
        Map<String, byte[]> byLocation = new LinkedHashMap<>();
        new TreeMap<>(bundles).forEach((name, jar) -> byLocation.put("batch:" + name, jar));
        long ready = PlainFelix.startAndStop(graftJar, byLocation);
        System.out.printf(java.util.Locale.ROOT, "plugins=%d ready-ms=%.1f compile-ms=%.1f package-ms=%.1f%n", bundles.size(),
            (ready - begin) / 1e6, (compiled - begin) / 1e6, (packaged - compiled) / 1e6);
    }

    /** The Java sources of a plugin folder by path relative to it. */
    private static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                files.put(folder.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
