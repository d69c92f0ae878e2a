package dev.graft.bench.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.graft.bench.Figure;
import dev.graft.bench.GeneratedPlugin;
import dev.graft.bench.Samples;
import dev.graft.cache.CacheKey;
import dev.graft.cache.CacheStats;
import dev.graft.compiler.Build;
import dev.graft.compiler.SourcePlugin;
import dev.graft.host.LoadOptions;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginState;
import dev.graft.host.SwapResult;

/**
 * Scenario 5: the cache. Find (hit) and put latency of real builds, and the hit rate over an edit
 * session of 100 edits across 10 plugins, each edit applied with {@code PluginLoader.swap}.
 */
final class CacheScenario {

    static final String TITLE = "5. Cache";
    private final BenchEnvironment env;

    CacheScenario(BenchEnvironment env) {
        this.env = env;
    }

    void latency() throws Exception {
        env.useCacheDirectory(env.work.resolve("cache-latency"));
        for (int size : new int[] { 1, 10 }) {
            GeneratedPlugin plugin = new GeneratedPlugin("cached" + size, size, 0);
            SourcePlugin source = SourcePlugin.of(plugin.name(), plugin.files());
            CacheKey key = env.cache.key(source, env.compiler.defaultOptions());
            env.cache.put(key, env.compiler.compile(source));
            Samples find = Samples.take(env.runs(200, 20), env.runs(500, 50), () -> Samples.millis(() -> {
                if (!env.cache.find(key).isHit()) {
                    throw new IllegalStateException("no hit");
                }
            }) * 1000);
            List<Double> puts = new ArrayList<>();
            int runs = env.runs(40, 8);
            for (int i = 1; i <= runs + 5; i++) {
                SourcePlugin edit = SourcePlugin.of(plugin.name(), plugin.edited(i).files());
                Build build = env.compiler.compile(edit);
                CacheKey k = env.cache.key(edit, env.compiler.defaultOptions());
                double millis = Samples.millis(() -> env.cache.put(k, build));
                if (i > 5) {
                    puts.add(millis);
                }
            }
            env.report.add(Figure.of("cache.find." + size, TITLE, "find, hit, " + size + "-class bundle", "µs", find));
            env.report.add(Figure.of("cache.put." + size, TITLE, "put, " + size + "-class bundle", "ms", new Samples(puts)));
        }
    }

    void editSession() throws Exception {
        env.useCacheDirectory(env.work.resolve("cache-session"));
        Path site = env.work.resolve("session");
        List<GeneratedPlugin> plugins = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            plugins.add(new GeneratedPlugin("edited" + i, i < 2 ? 10 : 3, 0));
            plugins.get(i).writeTo(site);
        }
        // yesterday's run: the cache already holds today's starting sources
        loadAll(site);
        unloadAll(plugins);
        CacheStats before = env.cache.stats();
        loadAll(site);
        Random random = new Random(8);
        Map<String, List<Integer>> history = new HashMap<>();
        plugins.forEach(p -> history.put(p.name(), new ArrayList<>(List.of(0))));
        List<Double> edits = new ArrayList<>();
        int next = 1;
        for (int e = 1; e <= 100; e++) {
            // two hot plugins take half of the edits
            GeneratedPlugin p = plugins.get(random.nextDouble() < 0.5 ? random.nextInt(2) : 2 + random.nextInt(8));
            List<Integer> versions = history.get(p.name());
            double kind = random.nextDouble();
            int version;
            if (kind < 0.2 && versions.size() > 1) {
                versions.remove(versions.size() - 1); // undo the last edit
                version = versions.get(versions.size() - 1);
            } else if (kind < 0.3) {
                version = 0; // back to the committed version (git checkout)
                versions.add(version);
            } else {
                version = next++; // a new change
                versions.add(version);
            }
            p.edited(version).writeTo(site);
            edits.add(Samples.millis(() -> {
                SwapResult r = env.loader.swap(p.name(), null);
                if (!r.succeeded()) {
                    throw new IllegalStateException("swap failed: " + r.problems());
                }
            }));
            if (e % 25 == 0) { // a restart of the application
                unloadAll(plugins);
                loadAll(site);
            }
        }
        CacheStats after = env.cache.stats();
        unloadAll(plugins);
        long hits = after.hits() - before.hits();
        long misses = after.totalMisses() - before.totalMisses();
        env.report.add(Figure.of("cache.session.hit-rate", TITLE, "edit session: hit rate (" + hits + " hits, " + misses + " misses)", "%",
            new Samples(List.of(100.0 * hits / Math.max(1, hits + misses)))).moreIsBetter());
        env.report.add(Figure.of("cache.session.edit", TITLE, "edit session: one edit applied (swap)", "ms", new Samples(edits)));
        env.report.note(TITLE, "Find and put use real bundles built by Graft, in an empty cache directory; find is timed on a hit "
            + "after a warm-up, put on fresh keys (each put fsyncs). Edit session: 10 plugins (2 of 10 classes, 8 of 3) whose "
            + "sources the cache already holds; the host starts, then 100 edits, each applied with `swap`: half of them to the "
            + "two hot plugins; 70% a new change, 20% an undo of the last edit, 10% a checkout of the committed version; the "
            + "host restarts after every 25 edits. The hit rate counts every lookup of the session (starts, restarts, swaps).");
    }

    private void loadAll(Path site) {
        for (PluginRecord r : env.loader.loadAll(new LoadOptions(List.of(site), List.of(), true))) {
            if (r.state() != PluginState.ACTIVE) {
                throw new IllegalStateException("not loaded: " + r);
            }
        }
    }

    private void unloadAll(List<GeneratedPlugin> plugins) {
        plugins.forEach(p -> env.loader.unload(p.name()));
    }
}
