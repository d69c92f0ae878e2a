package dev.graft.cache.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import dev.graft.cache.CacheKey;
import dev.graft.compiler.CompileOptions;
import dev.graft.compiler.SourcePlugin;

/**
 * Latency of the cache key, of a hit ({@code find}) and of a store ({@code put}) on the real file
 * system, for bundle jars of several sizes. Not a test: run it by hand (see docs/BENCHMARKS.md).
 *
 * <pre>java -cp CLASSPATH dev.graft.cache.internal.CacheBenchmark [DIR]</pre>
 */
public final class CacheBenchmark {

    private static final int WARM_UP = 200;
    private static final int FINDS = 500;
    private static final int PUTS = 100;

    private CacheBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("graft-cache-bench");
        System.out.printf("java %s, %d cpus, directory %s%n", Runtime.version(), Runtime.getRuntime().availableProcessors(), dir);
        Random random = new Random(42);
        for (int kib : new int[] { 16, 256, 1024 }) {
            byte[] jar = new byte[kib * 1024];
            random.nextBytes(jar);
            benchmark(dir.resolve("kib-" + kib), kib, jar);
        }
        keyCost(random);
        delete(dir);
    }

    private static void benchmark(Path dir, int kib, byte[] jar) {
        CacheStore store = new CacheStore(StoreSettings.defaults(dir).withMaxEntries(10_000), Fixtures.HOST, WiringCheck.ANY,
            Clock.systemUTC(), (message, cause) -> System.err.println(message), AtomicFiles.Output.FILE_CHANNEL);
        Fixtures.TestBuild build = new Fixtures.TestBuild("bench", java.util.Optional.of(jar), Fixtures.WIRING);
        int[] counter = { 0 };
        LongSupplier put = () -> {
            CacheKey key = Fixtures.key("bench-" + counter[0]++);
            long t0 = System.nanoTime();
            if (!store.put(key, build).stored()) {
                throw new IllegalStateException("put failed");
            }
            return System.nanoTime() - t0;
        };
        CacheKey hitKey = Fixtures.key("bench-0");
        LongSupplier find = () -> {
            long t0 = System.nanoTime();
            if (!store.find(hitKey).isHit()) {
                throw new IllegalStateException("no hit");
            }
            return System.nanoTime() - t0;
        };
        report("put  " + kib + " KiB", measure(put, 20, PUTS));
        report("find " + kib + " KiB (hit)", measure(find, WARM_UP, FINDS));
    }

    private static void keyCost(Random random) {
        byte[] source = new byte[1024 * 1024];
        random.nextBytes(source);
        SourcePlugin plugin = SourcePlugin.of("bench", Map.of("src/Big.java", source));
        LongSupplier key = () -> {
            long t0 = System.nanoTime();
            Digests.key(plugin, CompileOptions.defaults(17), Fixtures.HOST);
            return System.nanoTime() - t0;
        };
        report("key  1 MiB of source", measure(key, 50, 200));
    }

    private static long[] measure(LongSupplier operation, int warmUp, int runs) {
        for (int i = 0; i < warmUp; i++) {
            operation.getAsLong();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            nanos[i] = operation.getAsLong();
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void report(String what, long[] sorted) {
        System.out.printf("%-24s median %8.1f us   min %8.1f us   max %8.1f us   (n=%d)%n", what,
            sorted[sorted.length / 2] / 1e3, sorted[0] / 1e3, sorted[sorted.length - 1] / 1e3, sorted.length);
    }

    private static void delete(Path dir) throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> paths = new ArrayList<>(all.toList());
            paths.sort(Comparator.reverseOrder());
            for (Path p : paths) {
                Files.delete(p);
            }
        }
    }
}
