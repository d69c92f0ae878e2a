package dev.graft.test.it.swap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.cache.PluginCache;
import dev.graft.compiler.Build;
import dev.graft.compiler.PluginCompiler;
import dev.graft.host.PluginLoader;
import dev.graft.host.SwapResult;
import dev.graft.test.it.Settings;

/**
 * Swap latency of a 1-class DS plugin, beside Felix's own {@code Bundle.update} + refresh of the
 * same prebuilt jars, in one run. Not part of {@code mvn verify}; run it with
 * {@code GRAFT_BENCH=1 mvn -B -q verify -pl test.bundle -am -Dtest=dev.graft.test.it.swap.SwapBenchmarkIT}.
 * It prints a Markdown table and writes it to {@code test.bundle/target/swap-benchmark.md}.
 */
@EnabledIfEnvironmentVariable(named = "GRAFT_BENCH", matches = "1")
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class SwapBenchmarkIT {

    private static final int WARM_UP = 20;
    private static final int RUNS = 100;

    @InjectBundleContext
    BundleContext context;
    @InjectService
    PluginLoader loader;
    @InjectService
    PluginCompiler compiler;
    @InjectService
    PluginCache cache;
    @InjectService
    ConfigurationAdmin configurationAdmin;
    @TempDir
    Path tmp;

    interface Step {
        void run(int i) throws Exception;
    }

    @Test
    void swapLatency() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Settings cacheDir = Settings.cacheDirectory(configurationAdmin, cache, tmp.resolve("cache"))) {
            rows.add(row("compile + package (`PluginCompiler.compile`)", time(i -> {
                Build b = compiler.compile(SwapPlugins.serving("bench-compile", "v" + i).toSourcePlugin());
                assertTrue(b.succeeded());
            })));

            byte[][] jars = { jar("bench-felix", "a"), jar("bench-felix", "b") };
            Bundle felix = context.installBundle("bench:felix", new ByteArrayInputStream(jars[0]));
            felix.start();
            rows.add(row("Felix `Bundle.update` + refresh of a prebuilt jar, until its service is back", time(i -> {
                felix.update(new ByteArrayInputStream(jars[i % 2]));
                refresh(felix);
                awaitService("bench-felix");
            })));
            felix.uninstall();
            refresh(felix);

            Path a = SwapPlugins.serving("bench-cached", "a").writeTo(tmp.resolve("a"));
            Path b = SwapPlugins.serving("bench-cached", "b").writeTo(tmp.resolve("b"));
            loader.load(a, true);
            rows.add(row("`PluginLoader.swap`, build from the cache (install beside, start, retire old)", time(i -> {
                SwapResult r = loader.swap("bench-cached", i % 2 == 0 ? b : a);
                assertTrue(r.succeeded() && (i < 2 || r.plugin().fromCache()), r::toString);
            })));
            loader.unload("bench-cached");

            Path source = SwapPlugins.serving("bench-source", "first").writeTo(tmp.resolve("source"));
            loader.load(source, true);
            List<Long> build = new ArrayList<>();
            List<Long> start = new ArrayList<>();
            rows.add(row("`PluginLoader.swap` of edited source (compile + package + store + swap)", time(i -> {
                SwapPlugins.serving("bench-source", "v" + i).writeTo(tmp.resolve("source"));
                SwapResult r = loader.swap("bench-source", source);
                assertTrue(r.succeeded() && !r.plugin().fromCache(), r::toString);
                if (i >= WARM_UP) {
                    build.add(r.plugin().buildMillis() * 1_000_000);
                    start.add(r.plugin().startMillis() * 1_000_000);
                }
            })));
            Collections.sort(build);
            Collections.sort(start);
            rows.add(row("&nbsp;&nbsp;of which build: read, key, cache miss, compile, package, cache put", build));
            rows.add(row("&nbsp;&nbsp;of which install + start + components active", start));
            loader.unload("bench-source");
        }
        StringBuilder table = new StringBuilder("| operation | median | min | max | n |\n|---|---:|---:|---:|---:|\n");
        rows.forEach(r -> table.append(r).append('\n'));
        System.out.println(table);
        Path out = Path.of(System.getProperty("user.dir"), "target", "swap-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString(), StandardCharsets.UTF_8);
    }

    private byte[] jar(String name, String value) {
        Build b = compiler.compile(SwapPlugins.serving(name, value).toSourcePlugin());
        assertTrue(b.succeeded(), b.diagnostics()::toString);
        return b.bundle().orElseThrow();
    }

    private void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        assertTrue(done.await(30, TimeUnit.SECONDS));
    }

    private void awaitService(String name) throws Exception {
        while (context.getServiceReferences(java.util.function.Supplier.class.getName(), "(plugin=" + name + ")") == null) {
            Thread.onSpinWait();
        }
    }

    private static List<Long> time(Step step) throws Exception {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long begin = System.nanoTime();
            step.run(i);
            if (i >= WARM_UP) {
                nanos.add(System.nanoTime() - begin);
            }
        }
        Collections.sort(nanos);
        return nanos;
    }

    private static String row(String what, List<Long> sorted) {
        return "| " + what + " | " + ms(sorted.get(sorted.size() / 2)) + " | " + ms(sorted.get(0)) + " | " + ms(sorted.get(sorted.size() - 1))
            + " | " + sorted.size() + " |";
    }

    private static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
