package dev.graft.bench.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every benchmark scenario, in order, inside the Graft runtime (bench.bndrun); afterwards the
 * figures go into docs/BENCHMARKS.md. Run by {@code ./graft bench}; never by {@code mvn verify}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GraftBenchmarks {

    private static BenchEnvironment env;
    private static long began;

    @BeforeAll
    static void setUp() throws Exception {
        began = System.nanoTime();
        env = new BenchEnvironment();
        env.useCacheDirectory(env.work.resolve("cache"));
    }

    @Test
    @Order(1)
    void compileSteadyState() throws Exception {
        new CompileScenario(env).steadyState();
    }

    @Test
    @Order(2)
    void compileFirstCallInAFreshJvm() throws Exception {
        new CompileScenario(env).firstCall();
    }

    @Test
    @Order(3)
    void sourceToRunning() throws Exception {
        new SourceToRunningScenario(env).run();
    }

    @Test
    @Order(4)
    void swap() throws Exception {
        new SwapScenario(env).run();
        new ApiSwapScenario(env).run();
    }

    @Test
    @Order(5)
    void cache() throws Exception {
        CacheScenario scenario = new CacheScenario(env);
        scenario.latency();
        scenario.editSession();
    }

    @Test
    @Order(6)
    void startup() throws Exception {
        StartupScenario scenario = new StartupScenario(env);
        scenario.prepare();
        scenario.hundred();
        scenario.thousand();
    }

    @AfterAll
    static void writeReport() throws IOException {
        if (env == null) {
            return;
        }
        Path file = env.root.resolve("docs/BENCHMARKS.md");
        List<String> regressions = env.report.write(file, header());
        System.out.println("bench: wrote " + file);
        regressions.forEach(r -> System.out.println("bench: REGRESSION " + r));
    }

    private static String header() throws IOException {
        String minutes = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - began) / 6e10);
        return "## Graft against the floor (generated)\n\n"
            + "Written by `./graft bench` (the same as `mvn -B -Pbench -pl bench -am verify -DskipTests`), which runs every "
            + "scenario of `bench/` inside the Graft runtime and starts `graft.jar`, plain Felix and the reference compilers "
            + "as separate processes. Median, min and max over n samples; the ratio is the median over the median of the "
            + "reference row, measured side by side in the same run.\n\n"
            + "| | |\n|---|---|\n"
            + "| date | " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).substring(0, 16) + " |\n"
            + "| machine | " + Machine.cpus() + " CPUs (`nproc`), " + Machine.cpuModel() + ", " + Machine.memory() + " RAM |\n"
            + "| OS | " + Machine.os() + " |\n"
            + "| Java | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
            + System.getProperty("java.vendor") + ") |\n"
            + "| versions | Graft " + env.version("dev.graft.host") + ", Felix " + env.version("org.apache.felix.framework")
            + ", SCR " + env.version("org.apache.felix.scr") + ", ECJ " + env.version("org.eclipse.jdt.core.compiler.batch")
            + ", bndlib " + env.version("biz.aQute.bndlib") + " |\n"
            + "| load | " + Machine.loadAverage() + " (1, 5, 15 min load average when the run ended) |\n"
            + "| run | " + minutes + " min" + (env.quick ? ", **reduced sample counts (GRAFT_BENCH_QUICK)**" : "")
            + "; bench JVM `-Xmx2g`, child processes with default JVM options |\n";
    }

    /** What the machine is, read from /proc where there is one. */
    static final class Machine {

        static int cpus() {
            return Runtime.getRuntime().availableProcessors();
        }

        static String cpuModel() {
            return procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch"));
        }

        static String memory() {
            return procLine("/proc/meminfo", "MemTotal")
                .map(v -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(v.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                .orElse("?");
        }

        static String os() {
            String pretty = "";
            try {
                pretty = Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                    .map(l -> l.substring(12).replace("\"", "") + ", ").findFirst().orElse("");
            } catch (IOException | RuntimeException e) {
                // not Linux, or no os-release: the JVM's names will do
            }
            return pretty + System.getProperty("os.name") + " " + System.getProperty("os.version");
        }

        static String loadAverage() {
            try {
                String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
                return parts[0] + ", " + parts[1] + ", " + parts[2];
            } catch (IOException | RuntimeException e) {
                return "?";
            }
        }

        private static java.util.Optional<String> procLine(String file, String key) {
            try {
                return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim());
            } catch (IOException | RuntimeException e) {
                return java.util.Optional.empty();
            }
        }
    }
}
