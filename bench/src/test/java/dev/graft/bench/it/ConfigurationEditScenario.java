package dev.graft.bench.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.service.cm.Configuration;

import dev.graft.bench.Samples;
import dev.graft.host.PluginState;
import dev.graft.host.SwapResult;

/**
 * A configuration edit under watch, to the component that has the new value (issue 16). A plugin
 * whose DS component (configuration required, {@code @Modified}) registers an {@code IntSupplier}
 * whose service property {@code level} is its configuration's; SCR updates that property after the
 * {@code @Modified} method returned, so the service event marks the moment the component has the
 * value. Per round, on the same component: Graft, a write of {@code config/PID.cfg} in a site
 * watched by a {@code dev.graft.site} configuration (debounce {@value #DEBOUNCE_MILLIS} ms,
 * subtracted); the floor, {@code Configuration.update} of the same PID. Besides, a copy of the
 * plugin in a folder nobody watches, its file written and {@code PluginLoader.reconfigure} called:
 * what Graft's read, check and update cost without the watcher.
 */
final class ConfigurationEditScenario {

    static final long DEBOUNCE_MILLIS = 100;
    private static final String PROPERTY = "bench.configured";

    private final BenchEnvironment env;

    ConfigurationEditScenario(BenchEnvironment env) {
        this.env = env;
    }

    /** The figures of one run. */
    record Result(Samples watched, Samples floor, Samples reconfigure, Samples reconfigureCall, Samples read, int rounds) {

        /** @return the table and what it means, in Markdown */
        String markdown() {
            double target = 1.5 * floor.median() + DEBOUNCE_MILLIS;
            double watchedWithDebounce = watched.median() + DEBOUNCE_MILLIS;
            return "| operation | median | min | max | n |\n|---|---:|---:|---:|---:|\n"
                + row("`Configuration.update` of the PID to the component having the value (floor)", floor)
                + row("**Graft** under watch: `config/PID.cfg` written to the component having the value, minus the " + DEBOUNCE_MILLIS
                    + " ms debounce", watched)
                + row("Graft `PluginLoader.reconfigure` of an unwatched copy, after its file was written", reconfigure)
                + row("&nbsp;&nbsp;of which the `reconfigure` call, to its return", reconfigureCall)
                + row("`PluginCompiler.read` of the plugin folder alone", read)
                + String.format(Locale.ROOT, "%nRatio of the medians, watch (debounce subtracted) to floor: **%.2fx** (target <= 1.5x). "
                    + "With the debounce: %.1f ms against the target of 1.5 x floor + debounce = %.1f ms: %s.%n",
                    watched.median() / floor.median(), watchedWithDebounce, target, watchedWithDebounce <= target ? "met" : "NOT met");
        }

        private static String row(String label, Samples s) {
            return String.format(Locale.ROOT, "| %s | %.1f ms | %.1f | %.1f | %d |%n", label, s.median(), s.min(), s.max(), s.count());
        }
    }

    Result run() throws Exception {
        int warmup = env.runs(5, 2);
        int runs = env.runs(20, 5);
        Path site = env.work.resolve("configured-site");
        writePlugin(site.resolve("configured"), "bench.configured", 1);
        Configuration siteConfiguration = env.configurationAdmin.createFactoryConfiguration("dev.graft.site", "?");
        Path unwatched = env.work.resolve("configured-unwatched");
        writePlugin(unwatched.resolve("reconfigured"), "bench.reconfigured", 1);
        try (ValueWait first = new ValueWait("configured", 1)) {
            Dictionary<String, Object> p = new Hashtable<>();
            p.put("path", site.toString());
            p.put("watch", true);
            p.put("debounce.ms", DEBOUNCE_MILLIS);
            siteConfiguration.update(p);
            try {
                first.await();
            } catch (IllegalStateException e) {
                throw new IllegalStateException(e.getMessage() + "; loaded: " + env.registry.plugins(), e);
            }
        }
        try {
            if (env.loader.load(unwatched.resolve("reconfigured"), true).state() != PluginState.ACTIVE) {
                throw new IllegalStateException("cannot load " + unwatched.resolve("reconfigured"));
            }
            Configuration configured = env.configurationAdmin.getConfiguration("bench.configured", null);
            List<Double> watched = new ArrayList<>();
            List<Double> floor = new ArrayList<>();
            List<Double> reconfigure = new ArrayList<>();
            List<Double> reconfigureCall = new ArrayList<>();
            List<Double> read = new ArrayList<>();
            for (int i = 1; i <= warmup + runs; i++) {
                int value = 1000 + 3 * i;
                double w;
                try (ValueWait wait = new ValueWait("configured", value)) {
                    long begin = System.nanoTime();
                    writeConfiguration(site.resolve("configured"), "bench.configured", value);
                    w = wait.awaitMillisSince(begin) - DEBOUNCE_MILLIS;
                }
                double f;
                try (ValueWait wait = new ValueWait("configured", value + 1)) {
                    Dictionary<String, Object> props = configured.getProperties();
                    props.put("level", value + 1);
                    long begin = System.nanoTime();
                    configured.update(props);
                    f = wait.awaitMillisSince(begin);
                }
                double r;
                double call;
                try (ValueWait wait = new ValueWait("reconfigured", value + 2)) {
                    long begin = System.nanoTime();
                    writeConfiguration(unwatched.resolve("reconfigured"), "bench.reconfigured", value + 2);
                    long called = System.nanoTime();
                    SwapResult result = env.loader.reconfigure("reconfigured");
                    call = (System.nanoTime() - called) / 1e6;
                    if (!result.succeeded()) {
                        throw new IllegalStateException("reconfigure failed: " + result.problems());
                    }
                    r = wait.awaitMillisSince(begin);
                }
                double readMillis = Samples.millis(() -> env.compiler.read(unwatched.resolve("reconfigured")));
                if (i > warmup) {
                    watched.add(w);
                    floor.add(f);
                    reconfigure.add(r);
                    reconfigureCall.add(call);
                    read.add(readMillis);
                }
            }
            return new Result(new Samples(watched), new Samples(floor), new Samples(reconfigure), new Samples(reconfigureCall), new Samples(read), runs);
        } finally {
            env.loader.unload("reconfigured");
            siteConfiguration.delete();
        }
    }

    private static void writePlugin(Path folder, String pid, int value) throws Exception {
        Path source = folder.resolve("src/bench/configured/Configured.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
            package bench.configured;

            import java.util.function.IntSupplier;
            import org.osgi.service.component.annotations.Activate;
            import org.osgi.service.component.annotations.Component;
            import org.osgi.service.component.annotations.ConfigurationPolicy;
            import org.osgi.service.component.annotations.Modified;
            import org.osgi.service.metatype.annotations.Designate;
            import org.osgi.service.metatype.annotations.ObjectClassDefinition;

            @Component(configurationPid = "%s", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
                property = "%s=%s")
            @Designate(ocd = Configured.Config.class)
            public class Configured implements IntSupplier {
                @ObjectClassDefinition
                public @interface Config {
                    int level() default 0;
                }

                private volatile int value;

                @Activate
                @Modified
                void configure(Config c) {
                    value = c.level();
                }

                public int getAsInt() {
                    return value;
                }
            }
            """.formatted(pid, PROPERTY, folder.getFileName()));
        writeConfiguration(folder, pid, value);
    }

    private static void writeConfiguration(Path folder, String pid, int value) throws Exception {
        Files.createDirectories(folder.resolve("config"));
        Files.writeString(folder.resolve("config/" + pid + ".cfg"), "level = " + value + "\n");
    }

    /** Waits for the plugin's service to carry a value: opened before the action, so that no event is missed. */
    private final class ValueWait implements AutoCloseable {

        private final CountDownLatch seen = new CountDownLatch(1);
        private final AtomicLong at = new AtomicLong();
        private final ServiceListener listener;
        private final String filter;

        ValueWait(String plugin, int value) throws Exception {
            filter = "(&(" + PROPERTY + "=" + plugin + ")(level=" + value + "))";
            listener = event -> {
                if (event.getType() == ServiceEvent.MODIFIED || event.getType() == ServiceEvent.REGISTERED) {
                    at.compareAndSet(0, System.nanoTime());
                    seen.countDown();
                }
            };
            env.context.addServiceListener(listener, filter);
        }

        void await() throws Exception {
            if (!seen.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no service " + filter + " within 60 s");
            }
        }

        /** @return milliseconds from {@code begin} to the event */
        double awaitMillisSince(long begin) throws Exception {
            await();
            return (at.get() - begin) / 1e6;
        }

        @Override
        public void close() {
            env.context.removeServiceListener(listener);
        }
    }
}
