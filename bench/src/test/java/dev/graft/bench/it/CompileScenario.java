package dev.graft.bench.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dev.graft.bench.Figure;
import dev.graft.bench.GeneratedPlugin;
import dev.graft.bench.Javac;
import dev.graft.bench.RawEcj;
import dev.graft.bench.ReferencePipeline;
import dev.graft.bench.Samples;
import dev.graft.compiler.Build;
import dev.graft.compiler.SourcePlugin;

/**
 * Scenario 1: compile + package plugins of 1, 10 and 100 classes. Graft's PluginCompiler against
 * the floor (raw ECJ + raw bnd analysis) and javac in process (+ the same bnd analysis), in the
 * steady state (rounds interleave the three in a rotating order, so that drift and whatever one
 * leaves behind for the next hit all alike) and as the first call in a fresh JVM (a new process
 * per sample).
 */
final class CompileScenario {

    static final String TITLE = "1. Compile + package";
    private static final int[] SIZES = { 1, 10, 100 };
    /**
     * Each size warms up for at least this long besides its warm-up rounds: 15 rounds of a 1-class
     * plugin take under a second after the framework started, when the JIT is far from done and
     * every pipeline is still twice as slow as it settles at.
     */
    private static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final Pattern GRAFT_MILLIS = Pattern.compile("wrote .* \\((\\d+) ms\\)");
    private static final Pattern FIRST_CALL = Pattern.compile("first-call-ms=([0-9.]+)");

    private final BenchEnvironment env;

    CompileScenario(BenchEnvironment env) {
        this.env = env;
    }

    void steadyState() throws Exception {
        RawEcj ecj = new RawEcj(env.classPath.pluginApi());
        Javac javac = new Javac(env.classPath.pluginApi());
        for (int size : SIZES) {
            int warmup = size >= 100 ? env.runs(5, 2) : env.runs(15, 3);
            // a multiple of 4, so that each pipeline takes each place in the round equally often
            int runs = size >= 100 ? env.runs(12, 4) : env.runs(60, 8);
            List<Double> graft = new ArrayList<>();
            List<Double> twoChecks = new ArrayList<>();
            List<Double> floor = new ArrayList<>();
            List<Double> ecjOnly = new ArrayList<>();
            List<Double> bndOnly = new ArrayList<>();
            List<Double> javacTotal = new ArrayList<>();
            List<Double> javacOnly = new ArrayList<>();
            int edit = 0;
            long warm = System.nanoTime() + (env.quick ? 0 : WARMUP_NANOS);
            while (edit < warmup || System.nanoTime() < warm) {
                round(size, edit++, ecj, javac);
            }
            for (int i = 0; i < runs; i++) {
                Round r = round(size, edit++, ecj, javac);
                graft.add(r.graft());
                twoChecks.add(r.twoChecks());
                floor.add(r.ecj().totalMillis());
                ecjOnly.add(r.ecj().compileMillis());
                bndOnly.add(r.ecj().packMillis());
                javacTotal.add(r.javac().totalMillis());
                javacOnly.add(r.javac().compileMillis());
            }
            String p = "compile.steady.";
            env.report.add(Figure.of(p + "floor." + size, TITLE, "steady, " + size + " cl., raw ECJ + bnd (floor)", "ms", new Samples(floor)));
            env.report.add(Figure.of(p + "graft." + size, TITLE, "steady, " + size + " cl., **Graft**", "ms", new Samples(graft))
                .against(p + "floor." + size).targetRatio("<= 1.15x floor", 1.15));
            env.report.add(Figure.of(p + "graft-two-checks." + size, TITLE, "steady, " + size + " cl., Graft + a second forbidden-call pass",
                "ms", new Samples(twoChecks)).against(p + "graft." + size).targetRatio("check adds < 10%: <= 1.10x Graft", 1.10));
            env.report.add(Figure.of(p + "javac." + size, TITLE, "steady, " + size + " cl., javac + bnd", "ms", new Samples(javacTotal))
                .against(p + "graft." + size).targetRatioAtLeast("Graft ahead: >= 1x Graft", 1.0));
            env.report.add(Figure.of(p + "ecj-only." + size, TITLE, "steady, " + size + " cl., raw ECJ alone", "ms", new Samples(ecjOnly)));
            env.report.add(Figure.of(p + "bnd-only." + size, TITLE, "steady, " + size + " cl., raw bnd alone", "ms", new Samples(bndOnly)));
            env.report.add(Figure.of(p + "javac-only." + size, TITLE, "steady, " + size + " cl., javac alone", "ms", new Samples(javacOnly)));
        }
        env.report.note(TITLE, "Steady state: one framework, rounds of Graft `PluginCompiler.compile`, raw ECJ + bnd and "
            + "javac + bnd on the same generated sources (each round a new edit number, the three in an order that "
            + "rotates from round to round), after a warm-up of at least " + TimeUnit.NANOSECONDS.toSeconds(WARMUP_NANOS)
            + " s and 15 rounds (5 for 100 classes) per size; the plugin is one DS component calling a chain of helper "
            + "classes. Raw ECJ uses an in-memory name environment over the JDK "
            + "and the OSGi core + DS annotation jars (class bytes kept after the first read); javac uses `javax.tools` with "
            + "class files in memory; both are followed by the same bnd `Builder` analysis (DS descriptors, import ranges). "
            + "Every Graft build checks its classes for forbidden calls (forbiddenapis); the row *Graft + a second "
            + "forbidden-call pass* compiles with one site signature besides, which runs the same scan over the classes "
            + "once more: its ratio to Graft, less one, is what the check adds to a build.");
    }

    /** One signature besides Graft's own: the same scan of the classes runs a second time. */
    private static final String SECOND_PASS = "java.lang.Class#forName(java.lang.String) @ a second pass of the forbidden-call check\n";

    /**
     * One round on one edit of the plugin: Graft, Graft with a second forbidden-call pass, raw ECJ
     * + bnd and javac + bnd, in an order that
     * rotates from round to round. In a fixed order the pipeline right after javac is 10 to 15 %
     * slower than it is elsewhere in the round (1 class, warm), whichever pipeline it is.
     */
    private Round round(int size, int edit, RawEcj ecj, Javac javac) throws Exception {
        GeneratedPlugin plugin = new GeneratedPlugin("steady" + size, size, edit);
        SourcePlugin source = SourcePlugin.of(plugin.name(), plugin.files());
        // another edit, so that no pipeline compiles what the one before it just compiled
        SourcePlugin other = SourcePlugin.of(plugin.name(), new GeneratedPlugin("steady" + size, size, edit + 1_000_000).files());
        var options = env.compiler.defaultOptions().withForbiddenSignatures(SECOND_PASS);
        double graft = 0;
        double twoChecks = 0;
        ReferencePipeline.Result floor = null;
        ReferencePipeline.Result reference = null;
        for (int k = 0; k < 4; k++) {
            switch ((edit + k) % 4) {
            case 0 -> graft = Samples.millis(() -> check(env.compiler.compile(source)));
            case 1 -> twoChecks = Samples.millis(() -> check(env.compiler.compile(other, options, List.of())));
            case 2 -> floor = ecj.build(plugin);
            default -> reference = javac.build(plugin);
            }
        }
        return new Round(graft, twoChecks, floor, reference);
    }

    private record Round(double graft, double twoChecks, ReferencePipeline.Result ecj, ReferencePipeline.Result javac) {
    }

    void firstCall() throws Exception {
        int runs = env.runs(5, 2);
        Path site = env.work.resolve("first-call");
        List<String> api = env.classPath.pluginApi().stream().map(Path::toString).toList();
        for (int size : SIZES) {
            Path folder = new GeneratedPlugin("first" + size, size, 0).writeTo(site);
            List<Double> graft = new ArrayList<>();
            List<Double> graftWall = new ArrayList<>();
            List<Double> floor = new ArrayList<>();
            List<Double> floorWall = new ArrayList<>();
            List<Double> javac = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Processes.Run g = Processes.run(List.of(env.java(), "-jar", env.graftJar.toString(), "compile", folder.toString(), "-o",
                    env.work.resolve("first" + size + ".jar").toString()), Map.of());
                graft.add(g.number(GRAFT_MILLIS));
                graftWall.add(g.wallMillis());
                List<String> args = new ArrayList<>(List.of("ecj", Integer.toString(size)));
                args.addAll(api);
                Processes.Run e = Processes.run(env.benchMain(env.classPath.asArgument(), "dev.graft.bench.FirstCall", args), Map.of());
                floor.add(e.number(FIRST_CALL));
                floorWall.add(e.wallMillis());
                args.set(0, "javac");
                javac.add(Processes.run(env.benchMain(env.classPath.asArgument(), "dev.graft.bench.FirstCall", args), Map.of()).number(FIRST_CALL));
            }
            String p = "compile.first.";
            env.report.add(Figure.of(p + "floor." + size, TITLE, "first call, " + size + " cl., raw ECJ + bnd (floor)", "ms", new Samples(floor)));
            env.report.add(Figure.of(p + "graft." + size, TITLE, "first call, " + size + " cl., **Graft**", "ms", new Samples(graft))
                .against(p + "floor." + size));
            env.report.add(Figure.of(p + "javac." + size, TITLE, "first call, " + size + " cl., javac + bnd", "ms", new Samples(javac))
                .against(p + "floor." + size));
            env.report.add(Figure.of(p + "floor-process." + size, TITLE, "first call, " + size + " cl., raw ECJ + bnd, whole process",
                "ms", new Samples(floorWall)));
            env.report.add(Figure.of(p + "graft-process." + size, TITLE, "first call, " + size + " cl., `graft compile`, whole process",
                "ms", new Samples(graftWall)).against(p + "floor-process." + size));
        }
        env.report.note(TITLE, "First call: a new JVM per sample. Graft: `java -jar graft.jar compile DIR -o X.jar`, the figure is "
            + "the build time it prints (compile + package, after the framework started); the whole-process row adds JVM and "
            + "framework start-up and shutdown. References: a plain `main` (bench `FirstCall`) that sets up the pipeline and "
            + "builds once, timed from before the set-up.");
    }

    private static void check(Build build) {
        if (!build.succeeded()) {
            throw new IllegalStateException("Graft could not build " + build.name() + ": " + build.errors());
        }
    }
}
