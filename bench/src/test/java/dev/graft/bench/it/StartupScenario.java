package dev.graft.bench.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.graft.bench.Figure;
import dev.graft.bench.GeneratedPlugin;
import dev.graft.bench.Samples;
import dev.graft.compiler.SourcePlugin;
import dev.graft.host.LoadOptions;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginState;

/**
 * Scenario 3: start-up, whole process. {@code graft run --once} on a site of 100 generated 1-class
 * DS plugins with a cold (empty) and a warm cache, against a plain Felix launcher (bench
 * {@code PlainFelix}) that installs the same prebuilt jars and waits for their services. Then 1000
 * plugins, warm: the time, and the heap each loaded plugin costs (measured in this framework).
 */
final class StartupScenario {

    static final String TITLE = "3. Start-up";
    private static final Pattern FIRST_LOADED = Pattern.compile("graft: loaded \\S+ \\(compiled, (\\d+) ms\\)");
    private static final Pattern READY = Pattern.compile("ready-ms=([0-9.]+)");

    private final BenchEnvironment env;
    private final Path sites;
    private final Path jars;
    /** Where Graft puts its framework storage on this machine; the floor is given the same folder. */
    private final Path storage;

    StartupScenario(BenchEnvironment env) {
        this.env = env;
        sites = env.work.resolve("sites");
        jars = env.work.resolve("jars");
        storage = graftStorageParent();
    }

    /** The launcher's rule (FrameworkStorage), for a launcher started without {@code -Djava.io.tmpdir}. */
    static Path graftStorageParent() {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Path.of(runtime).isAbsolute() && Files.isDirectory(Path.of(runtime))
            && Files.isWritable(Path.of(runtime))) {
            return Path.of(runtime);
        }
        Path shm = Path.of("/dev/shm");
        try {
            if (Files.isDirectory(shm) && Files.isWritable(shm) && Files.getFileStore(shm).type().equals("tmpfs")
                && Files.getFileStore(shm).getUsableSpace() >= 64L << 20) {
                return shm;
            }
        } catch (java.io.IOException e) {
            // not in memory
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static String diskStorage() {
        return System.getProperty("java.io.tmpdir");
    }

    /** Writes the sites of 100 and 1000 plugins and the prebuilt jars of the same sources. */
    void prepare() throws Exception {
        for (int i = 0; i < 1000; i++) {
            GeneratedPlugin plugin = new GeneratedPlugin(String.format("p%04d", i), 1, 0);
            Path jar = jars.resolve("1000").resolve(plugin.name() + ".jar");
            Files.createDirectories(jar.getParent());
            plugin.writeTo(sites.resolve("1000"));
            env.compiler.compileTo(SourcePlugin.of(plugin.name(), plugin.files()), jar);
            if (i < 100) {
                plugin.writeTo(sites.resolve("100"));
                Files.createDirectories(jars.resolve("100"));
                Files.copy(jar, jars.resolve("100").resolve(jar.getFileName()));
            }
        }
    }

    void hundred() throws Exception {
        int coldRuns = env.runs(3, 1);
        int warmRuns = env.runs(5, 2);
        List<Double> cold = new ArrayList<>();
        List<Double> firstPlugin = new ArrayList<>();
        List<Double> firstPluginTime = new ArrayList<>();
        Path warmCache = null;
        for (int i = 0; i < coldRuns; i++) {
            warmCache = env.work.resolve("cache100-" + i);
            Processes.Run r = graftRun(sites.resolve("100"), warmCache);
            cold.add(r.wallMillis());
            firstPlugin.add(r.number(FIRST_LOADED));
            firstPluginTime.add(r.timeOf(FIRST_LOADED));
        }
        List<Double> warm = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> plainOnDisk = new ArrayList<>();
        for (int i = 0; i < warmRuns; i++) {
            warm.add(graftRun(sites.resolve("100"), warmCache).wallMillis());
            plain.add(plainFelix(jars.resolve("100"), storage).wallMillis());
            plainOnDisk.add(plainFelix(jars.resolve("100"), null).wallMillis());
        }
        env.report.add(Figure.of("startup.plain.100", TITLE, "100 plugins, plain Felix + SCR installing the prebuilt jars (floor)", "ms",
            new Samples(plain)));
        env.report.add(Figure.of("startup.plain-disk.100", TITLE, "100 plugins, plain Felix + SCR, storage in `java.io.tmpdir` (" + diskStorage()
            + ")", "ms", new Samples(plainOnDisk)).against("startup.plain.100"));
        env.report.add(Figure.of("startup.warm.100", TITLE, "100 plugins, **Graft** `run --once`, warm cache", "ms", new Samples(warm))
            .against("startup.plain.100").targetRatio("<= 1.3x floor", 1.3));
        List<Double> plan = new ArrayList<>();
        for (int i = 0; i < warmRuns; i++) {
            plan.add(Samples.millis(() -> env.loader.plan(List.of(sites.resolve("100")))));
        }
        env.report.add(Figure.of("startup.plan.100", TITLE, "100 plugins, the plan alone: every folder read and outlined by ECJ's scanner "
            + "(in the bench JVM, `PluginLoader.plan`)", "ms", new Samples(plan)).against("startup.warm.100")
            .targetRatio("< 5% of a warm start", 0.05));
        List<Double> batch = new ArrayList<>();
        for (int i = 0; i < coldRuns; i++) {
            batch.add(batchFloor(sites.resolve("100")).wallMillis());
        }
        env.report.add(Figure.of("startup.batch.100", TITLE, "100 plugins, batch floor: raw ECJ in one pass, raw bnd per plugin, plain "
            + "Felix + SCR, one process", "ms", new Samples(batch)));
        env.report.add(Figure.of("startup.cold.100", TITLE, "100 plugins, **Graft** `run --once`, cold cache (compiles all)", "ms",
            new Samples(cold)).against("startup.batch.100").targetRatio("<= 1.3x batch floor", 1.3));
        env.report.add(Figure.of("startup.cold.first-plugin", TITLE, "cold cache: first plugin's build + start (in process)", "ms",
            new Samples(firstPlugin)).against("compile.first.floor.1").targetRatio("beat the naive first call: < 1x", 1.0));
        env.report.add(Figure.of("startup.cold.first-plugin-process", TITLE, "cold cache: process start to first plugin loaded", "ms",
            new Samples(firstPluginTime)).against("compile.first.floor-process.1"));
    }

    void thousand() throws Exception {
        int runs = env.runs(3, 1);
        Path cache = env.work.resolve("cache1000");
        List<String> roomFor1000 = List.of("--cache-max-entries", "2000");
        Processes.Run fill = graftRun(roomFor1000, sites.resolve("1000"), cache);
        List<Double> warm = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> plainOnDisk = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            warm.add(graftRun(roomFor1000, sites.resolve("1000"), cache).wallMillis());
            plain.add(plainFelix(jars.resolve("1000"), storage).wallMillis());
            plainOnDisk.add(plainFelix(jars.resolve("1000"), null).wallMillis());
        }
        env.report.add(Figure.of("startup.plain.1000", TITLE, "1000 plugins, plain Felix + SCR (floor)", "ms", new Samples(plain)));
        env.report.add(Figure.of("startup.plain-disk.1000", TITLE, "1000 plugins, plain Felix + SCR, storage in `java.io.tmpdir` ("
            + diskStorage() + ")", "ms", new Samples(plainOnDisk)).against("startup.plain.1000"));
        env.report.add(Figure.of("startup.warm.1000", TITLE, "1000 plugins, **Graft** `run --once`, warm cache", "ms", new Samples(warm))
            .against("startup.plain.1000").targetMedian("< 3 s", 3000));
        env.report.add(Figure.of("startup.warm.1000.per-plugin", TITLE, "1000 plugins, warm: time per plugin", "ms",
            new Samples(warm.stream().map(w -> w / 1000).toList())));
        env.report.add(Figure.of("startup.batch.1000", TITLE, "1000 plugins, batch floor (one run)", "ms",
            new Samples(List.of(batchFloor(sites.resolve("1000")).wallMillis()))));
        env.report.add(Figure.of("startup.cold.1000", TITLE, "1000 plugins, cold cache (one run, fills the cache)", "ms",
            new Samples(List.of(fill.wallMillis()))).against("startup.batch.1000").targetRatio("<= 1.3x batch floor", 1.3));
        heapPerPlugin();
        env.report.note(TITLE, "Whole process, from starting `java` to its exit, on the same machine in the same run. Graft: "
            + "`java -jar graft.jar run --once --site SITE --cache DIR` (loads every plugin, waits for its components, prints the "
            + "table, stops the framework). Floor: bench `PlainFelix`, a plain `main` with Felix on the class path that installs "
            + "SCR and its four dependency bundles (taken from graft.jar) and the prebuilt jars (built by Graft from the same "
            + "sources), starts them and waits until every plugin's service is registered, then stops. Both start from empty "
            + "framework storage, in the same folder: " + storage + " (Graft's own choice on this machine: `$XDG_RUNTIME_DIR` when "
            + "set, else `/dev/shm` when it is an in-memory file system with room, else `java.io.tmpdir`; the floor is given it "
            + "as its `java.io.tmpdir`). The plain Felix rows with storage in `java.io.tmpdir` show what a launcher that keeps "
            + "its storage on disk pays. Cold: a new empty cache directory per run. The batch floor of a cold start (issue 18) is "
            + "bench `BatchFloor`, one process that reads the same sources, compiles all of them with one raw ECJ compiler in one "
            + "pass, packages each plugin with raw bnd (in parallel on every core), and starts the bundles as `PlainFelix` does, "
            + "storage in `java.io.tmpdir`. The first-plugin rows compare with the raw ECJ + "
            + "bnd first call of scenario 1 (1 class). The 1000-plugin runs raise the cache's `maxEntries` (default 100) to 2000 "
            + "with `--cache-max-entries 2000`; with the default, a site of more than 100 plugins evicts its own entries and "
            + "never starts warm.");
    }

    private void heapPerPlugin() throws Exception {
        List<Path> prebuilt;
        try (java.util.stream.Stream<Path> files = Files.list(jars.resolve("1000"))) {
            prebuilt = files.sorted().toList();
        }
        Runtime rt = Runtime.getRuntime();
        double before = usedAfterGc(rt);
        long begin = System.nanoTime();
        List<PluginRecord> records = env.loader.loadAll(new LoadOptions(List.of(), prebuilt, false));
        double loadMillis = (System.nanoTime() - begin) / 1e6;
        long active = records.stream().filter(r -> r.state() == PluginState.ACTIVE).count();
        if (active != 1000) {
            throw new IllegalStateException("only " + active + " of 1000 plugins loaded");
        }
        double after = usedAfterGc(rt);
        env.report.add(Figure.of("startup.heap.1000.per-plugin", TITLE, "1000 plugins loaded: heap per plugin", "KiB",
            new Samples(List.of((after - before) / 1000 / 1024))));
        env.report.add(Figure.of("startup.inframework.1000", TITLE, "1000 prebuilt plugin jars, `loadAll` in a running host", "ms",
            new Samples(List.of(loadMillis))));
        env.report.note(TITLE, "Heap per plugin: used heap after a full GC, before and after `loadAll` of the 1000 prebuilt jars "
            + "(made by `compileTo` in the bench framework) in the bench framework, divided by 1000; one sample.");
    }

    private static double usedAfterGc(Runtime rt) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private Processes.Run graftRun(Path site, Path cache) throws Exception {
        return graftRun(List.of(), site, cache);
    }

    private Processes.Run graftRun(List<String> options, Path site, Path cache) throws Exception {
        List<String> command = new ArrayList<>(List.of(env.java(), "-jar", env.graftJar.toString(), "run", "--once", "--site",
            site.toString(), "--cache", cache.toString()));
        command.addAll(options);
        return Processes.run(command, Map.of());
    }

    private Processes.Run batchFloor(Path site) throws Exception {
        List<String> args = new ArrayList<>(List.of(env.graftJar.toString(), site.toString()));
        env.classPath.pluginApi().forEach(p -> args.add(p.toString()));
        Processes.Run r = Processes.run(env.benchMain(env.classPath.asArgument(), "dev.graft.bench.BatchFloor", args), Map.of());
        r.number(READY);
        return r;
    }

    /**
     * @param storageParent the folder its framework storage goes in (its {@code java.io.tmpdir}), or
     *     null for the JVM's default
     */
    private Processes.Run plainFelix(Path jarFolder, Path storageParent) throws Exception {
        List<String> command = new ArrayList<>(env.benchMain(env.classPath.felixOnly(), "dev.graft.bench.PlainFelix",
            List.of(env.graftJar.toString(), jarFolder.toString())));
        if (storageParent != null) {
            command.add(1, "-Djava.io.tmpdir=" + storageParent);
        }
        Processes.Run r = Processes.run(command, Map.of());
        r.number(READY);
        return r;
    }
}
