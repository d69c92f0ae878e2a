package dev.graft.bench.it;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.FrameworkWiring;

import dev.graft.bench.Figure;
import dev.graft.bench.GeneratedPlugin;
import dev.graft.bench.RawEcj;
import dev.graft.bench.Samples;
import dev.graft.compiler.SourcePlugin;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginState;

/**
 * Scenario 2: a 1-class DS plugin from its source folder to its service in the registry, in a warm
 * host, with {@code PluginLoader.load}: cache off, so it compiles, and unchanged sources served by
 * the cache; against installing and starting
 * the same prebuilt jar (the floor), and against the naive pipeline (raw ECJ + bnd, then install
 * and start). Each sample is a plugin of a new name, so no unload is timed.
 */
final class SourceToRunningScenario {

    static final String TITLE = "2. Source to running";
    private final BenchEnvironment env;

    SourceToRunningScenario(BenchEnvironment env) {
        this.env = env;
    }

    void run() throws Exception {
        int warmup = env.runs(8, 2);
        int runs = env.runs(25, 5);
        Path site = env.work.resolve("source-to-running");
        RawEcj ecj = new RawEcj(env.classPath.pluginApi());
        List<Double> graft = new ArrayList<>();
        List<Double> graftHit = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        List<Double> naive = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            GeneratedPlugin plugin = new GeneratedPlugin("s2r" + i, 1, i);
            Path folder = plugin.writeTo(site);
            double g;
            try (ServiceWait wait = new ServiceWait(env.context, plugin.name())) {
                g = Samples.millis(() -> {
                    PluginRecord r = env.loader.load(folder, false);
                    if (r.state() != PluginState.ACTIVE) {
                        throw new IllegalStateException("not loaded: " + r);
                    }
                    wait.await();
                });
            }
            env.loader.unload(plugin.name());
            double h = cacheHit(plugin, folder);
            byte[] jar = env.compiler.compile(SourcePlugin.of(plugin.name(), plugin.files())).bundle().orElseThrow();
            double f = installAndStart(plugin.name(), "floor", jar);
            long begin = System.nanoTime();
            byte[] naiveJar = ecj.build(plugin).jar();
            double n = (System.nanoTime() - begin) / 1e6 + installAndStart(plugin.name(), "naive", naiveJar);
            if (i >= warmup) {
                graft.add(g);
                graftHit.add(h);
                floor.add(f);
                naive.add(n);
            }
        }
        env.report.add(Figure.of("s2r.floor", TITLE, "install + start the prebuilt jar (floor)", "ms", new Samples(floor)));
        env.report.add(Figure.of("s2r.naive", TITLE, "raw ECJ + bnd, then install + start (naive pipeline)", "ms", new Samples(naive))
            .against("s2r.floor"));
        env.report.add(Figure.of("s2r.graft", TITLE, "**Graft** `PluginLoader.load`, source folder to service", "ms", new Samples(graft))
            .against("s2r.floor").targetRatio("<= 1.2x floor", 1.2));
        env.report.add(Figure.of("s2r.graft-hit", TITLE, "**Graft** `PluginLoader.load`, source folder to service, sources unchanged (cache hit)",
            "ms", new Samples(graftHit)).against("s2r.floor").targetRatio("<= 1.2x floor", 1.2));
        env.report.note(TITLE, "Each sample is a fresh 1-class DS plugin (new name, new location), timed until its service is "
            + "registered; the floor installs the bundle Graft built for the same sources from memory and starts it; the naive "
            + "pipeline compiles with raw ECJ + bnd first. Graft compiles (cache off) in the first Graft row; in the cache-hit row "
            + "the same folder was loaded once with the cache (untimed, a miss that stores the build, waited for until written) and "
            + "unloaded, and the timed load reads the folder, hashes it, finds the entry, checks its wiring and installs it. Unloading is not timed.");
    }

    /** Loads the folder once with the cache (storing its build), unloads it, then times a load that hits. */
    private double cacheHit(GeneratedPlugin plugin, Path folder) throws Exception {
        PluginRecord stored = env.loader.load(folder, true);
        env.loader.unload(plugin.name());
        env.cache.stats(); // the loader stores in the background; this waits until the entry is written
        double millis;
        try (ServiceWait wait = new ServiceWait(env.context, plugin.name())) {
            millis = Samples.millis(() -> {
                PluginRecord r = env.loader.load(folder, true);
                if (r.state() != PluginState.ACTIVE || !r.fromCache()) {
                    throw new IllegalStateException("not loaded from the cache: " + r + " (stored: " + stored + ")");
                }
                wait.await();
            });
        }
        env.loader.unload(plugin.name());
        return millis;
    }

    private double installAndStart(String name, String kind, byte[] jar) throws Exception {
        double millis;
        Bundle[] bundle = new Bundle[1];
        try (ServiceWait wait = new ServiceWait(env.context, name)) {
            millis = Samples.millis(() -> {
                bundle[0] = env.context.installBundle("bench:" + kind + "/" + name, new ByteArrayInputStream(jar));
                bundle[0].start();
                wait.await();
            });
        }
        uninstall(bundle[0]);
        return millis;
    }

    void uninstall(Bundle bundle) throws Exception {
        bundle.uninstall();
        refresh(env, bundle);
    }

    static void refresh(BenchEnvironment env, Bundle bundle) throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        env.context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), e -> done.countDown());
        if (!done.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("refresh did not finish");
        }
    }
}
