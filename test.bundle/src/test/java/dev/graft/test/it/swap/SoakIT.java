package dev.graft.test.it.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.cache.PluginCache;
import dev.graft.compiler.Build;
import dev.graft.compiler.PluginCompiler;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginState;
import dev.graft.host.RetiredRevision;
import dev.graft.host.SwapResult;
import dev.graft.test.it.Settings;

/**
 * A thousand swaps in one framework leave no retired class loader reachable and no heap behind;
 * a plugin that pins its old version (a thread it never stops) is reported.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class SoakIT {

    private static final int SWAPS = 1000;
    /**
     * Felix 7.0.5 keeps an empty ConfigurationAdmin usage entry keyed by each uninstalled bundle
     * whose DS components SCR configured (its headers and archive, about 7.5 KB, not its class
     * loader): about 7.5 MB after 1000 swaps. A leaked class loader costs far more per swap.
     */
    private static final long HEAP_BOUND = 12L << 20;

    @InjectBundleContext
    BundleContext context;
    @InjectService
    PluginLoader loader;
    @InjectService
    PluginCache cache;
    @InjectService
    PluginCompiler compiler;
    @InjectService
    CommandProcessor shell;
    @InjectService
    ConfigurationAdmin configurationAdmin;
    @TempDir
    Path tmp;

    @Test
    void aThousandSwapsLeaveNoRetiredClassLoaderReachableAndNoHeapBehind() throws Exception {
        try (Settings cacheDir = Settings.cacheDirectory(configurationAdmin, cache, tmp.resolve("cache"))) {
            // it exports a package, so the compiler's package index sees every version come and go
            Path a = SwapPlugins.servingAndExporting("soak", "a").writeTo(tmp.resolve("a"));
            Path b = SwapPlugins.servingAndExporting("soak", "b").writeTo(tmp.resolve("b"));
            assertEquals(PluginState.ACTIVE, loader.load(a, true).state());
            for (Path warmUp : List.of(b, a, b, a)) {
                assertTrue(loader.swap("soak", warmUp).succeeded());
            }
            long before = usedHeapAfterGc();
            long begin = System.nanoTime();
            for (int i = 0; i < SWAPS; i++) {
                SwapResult r = loader.swap("soak", i % 2 == 0 ? b : a);
                if (!r.succeeded() || !r.plugin().fromCache()) {
                    fail("swap " + i + ": " + r);
                }
                if (i % 100 == 0) {
                    // a compile against the version that runs now: the compiler reads its classes through its wiring
                    Build user = compiler.compile(SwapPlugins.user("soak-user", "soak").toSourcePlugin());
                    assertTrue(user.succeeded(), user.diagnostics()::toString);
                }
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
            List<RetiredRevision> pinned = loader.pinnedRevisions().stream().filter(r -> r.name().equals("soak")).toList();
            long after = usedHeapAfterGc();
            System.out.printf("soak: %d swaps in %d ms (%.1f ms each); used heap after GC %d KB before, %d KB after%n", SWAPS, millis,
                millis / (double) SWAPS, before >> 10, after >> 10);
            assertEquals(List.of(), pinned, "retired versions still reachable");
            assertTrue(after - before < HEAP_BOUND, "the heap grew by " + ((after - before) >> 10) + " KB");
            loader.unload("soak");
        }
    }

    @Test
    void aPluginWhoseThreadOutlivesItIsReportedAsPinnedUntilTheThreadEnds() throws Exception {
        String stop = "graft.test.leaky.stop";
        System.clearProperty(stop);
        try {
            PluginRecord first = loader.load(SwapPlugins.leaky("leaky", "one").writeTo(tmp.resolve("one")), false);
            assertEquals(PluginState.ACTIVE, first.state(), first.problems()::toString);
            SwapResult swapped = loader.swap("leaky", SwapPlugins.leaky("leaky", "two").writeTo(tmp.resolve("two")));
            assertTrue(swapped.succeeded(), swapped.problems()::toString);
            List<RetiredRevision> pinned = loader.pinnedRevisions().stream().filter(r -> r.name().equals("leaky")).toList();
            assertEquals(List.of(first.bundleId()), pinned.stream().map(RetiredRevision::bundleId).toList());
            assertEquals(first.location(), pinned.get(0).location());
            String list = shell("graft:list");
            assertTrue(list.contains("pinned: leaky (retired bundle " + first.bundleId() + ", " + first.location() + ", retired "), list);
            loader.unload("leaky");
        } finally {
            System.setProperty(stop, "true");
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!loader.pinnedRevisions().stream().filter(r -> r.name().equals("leaky")).toList().isEmpty()) {
            assertTrue(System.nanoTime() < end, "the leaky versions were let go once their threads ended");
            Thread.sleep(20);
        }
        System.clearProperty(stop);
    }

    /** Runs a Gogo command and answers what it printed. */
    private String shell(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (CommandSession session = shell.createSession(new ByteArrayInputStream(new byte[0]), print, print)) {
            session.execute(command);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The used heap once collections free nothing more. */
    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            System.gc();
            Thread.sleep(50);
            long now = rt.totalMemory() - rt.freeMemory();
            if (now >= used - (64 << 10)) {
                return Math.min(now, used);
            }
            used = now;
        }
        return used;
    }
}
