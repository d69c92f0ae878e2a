package dev.graft.bench.it;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The configuration-edit benchmark alone (issue 16): {@link ConfigurationEditScenario}, written to
 * {@code bench/target/configuration-benchmark.md} and printed. Run with
 * {@code mvn -B -Pbench -pl bench -am verify -DskipTests -Dtest=dev.graft.bench.it.ConfigurationBenchmark}
 * (after a build of {@code distribution/target/graft.jar}); {@code ./graft bench} runs it too.
 */
class ConfigurationBenchmark {

    @Test
    void configurationEditToReconfiguredComponent() throws Exception {
        BenchEnvironment env = new BenchEnvironment();
        env.useCacheDirectory(env.work.resolve("cache"));
        ConfigurationEditScenario.Result result = new ConfigurationEditScenario(env).run();
        String text = "## Configuration edit to reconfigured component (bench ConfigurationBenchmark)\n\n"
            + "Load (1, 5, 15 min) when the run ended: " + GraftBenchmarks.Machine.loadAverage() + "; "
            + GraftBenchmarks.Machine.cpus() + " CPUs, " + GraftBenchmarks.Machine.cpuModel() + ", Java "
            + System.getProperty("java.runtime.version") + (env.quick ? "; reduced sample counts (GRAFT_BENCH_QUICK)" : "") + "\n\n"
            + result.markdown();
        Path file = Path.of(env.context.getProperty("graft.bench.target")).resolve("configuration-benchmark.md");
        Files.writeString(file, text);
        System.out.println(text);
    }
}
