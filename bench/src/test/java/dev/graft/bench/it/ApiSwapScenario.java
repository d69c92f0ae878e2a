package dev.graft.bench.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.graft.bench.Figure;
import dev.graft.bench.Samples;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginState;
import dev.graft.host.SwapResult;

/**
 * Scenario 4b: swap of an API plugin that 1, 10 and 50 loaded plugins depend on. The swap rebuilds
 * every dependant against the edited API and swaps the whole set in one transaction; it is set
 * against the sum of single swaps of the same plugins (the API alone, with nothing depending on
 * it, plus each dependant alone), which is what the set would cost if its members were swapped
 * one by one.
 */
final class ApiSwapScenario {

    private final BenchEnvironment env;

    ApiSwapScenario(BenchEnvironment env) {
        this.env = env;
    }

    void run() throws Exception {
        for (int dependants : new int[] { 1, 10, 50 }) {
            measure(dependants);
        }
        env.report.note(SwapScenario.TITLE, "The API swaps (`swap.api-N`) edit an API plugin that N plugins depend on (each a DS "
            + "component implementing its interface): the swap compiles the API and every dependant against it, installs the set "
            + "beside the old one, waits for every component, then retires the old set. `swap.api-N-singles` is the sum of swapping "
            + "the same edit of an API that nothing depends on and each dependant alone.");
    }

    private void measure(int count) throws Exception {
        int warmup = env.runs(3, 1);
        int runs = env.runs(10, 3);
        Path site = env.work.resolve("api-swap-" + count);
        String api = "api" + count;
        writeApi(site, api, 0);
        load(site.resolve(api));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = api + "-user" + i;
            writeUser(site, name, api, 0);
            load(site.resolve(name));
            names.add(name);
        }
        Path loneSite = env.work.resolve("api-swap-alone-" + count);
        String lone = "lone" + count;
        writeApi(loneSite, lone, 0);
        load(loneSite.resolve(lone));
        List<Double> set = new ArrayList<>();
        List<Double> singles = new ArrayList<>();
        for (int run = 1; run <= warmup + runs; run++) {
            writeApi(site, api, run);
            double s = Samples.millis(() -> swap(api, count));
            writeApi(loneSite, lone, run);
            double sum = Samples.millis(() -> swap(lone, 0));
            for (String name : names) {
                writeUser(site, name, api, run);
                sum += Samples.millis(() -> swap(name, 0));
            }
            if (run > warmup) {
                set.add(s);
                singles.add(sum);
            }
        }
        env.loader.unload(api, true);
        env.loader.unload(lone, true);
        env.report.add(Figure.of("swap.api-" + count + "-singles", SwapScenario.TITLE, "sum of single swaps of an API and its " + count
            + " dependant" + (count == 1 ? "" : "s") + ", one by one", "ms", new Samples(singles)));
        env.report.add(Figure.of("swap.api-" + count, SwapScenario.TITLE, "**Graft** `PluginLoader.swap` of an API with " + count
            + " dependant" + (count == 1 ? "" : "s") + ", rebuilt and swapped together", "ms", new Samples(set))
            .against("swap.api-" + count + "-singles"));
    }

    private void swap(String name, int expectedDependants) {
        SwapResult r = env.loader.swap(name, null);
        if (!r.succeeded() || r.dependants().size() != expectedDependants) {
            throw new IllegalStateException("swap of " + name + " failed or swapped " + r.dependants().size() + " dependants: " + r.problems());
        }
    }

    private void load(Path folder) {
        PluginRecord r = env.loader.load(folder, true);
        if (r.state() != PluginState.ACTIVE) {
            throw new IllegalStateException("cannot load " + folder + ": " + r.problems());
        }
    }

    /** An API plugin: {@code bench.NAME.Api} with one method, and a constant that each edit changes. */
    private static void writeApi(Path site, String name, int edit) throws IOException {
        write(site.resolve(name + "/src/bench/" + name + "/package-info.java"),
            "@org.osgi.annotation.bundle.Export\n@org.osgi.annotation.versioning.Version(\"1.0.0\")\npackage bench." + name + ";\n");
        write(site.resolve(name + "/src/bench/" + name + "/Api.java"), """
            package bench.%s;

            public interface Api {
                int EDIT = %d;

                int answer();
            }
            """.formatted(name, edit));
    }

    /** A dependant: a DS component implementing the API. */
    private static void writeUser(Path site, String name, String api, int edit) throws IOException {
        String pkg = name.replace('-', '_');
        write(site.resolve(name + "/src/bench/" + pkg + "/User.java"), """
            package bench.%s;

            import org.osgi.service.component.annotations.Component;

            @Component(property = "bench.plugin=%s")
            public class User implements bench.%s.Api {
                public int answer() {
                    return %d + EDIT;
                }
            }
            """.formatted(pkg, name, api, edit));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
