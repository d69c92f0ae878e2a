package dev.graft.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins whose start does not return, in real {@code graft} processes beside the examples: they
 * are reported stuck at the start deadline (5 s by default), the others load, a watched edit that
 * gets stuck is a failed swap, and the process stops on SIGTERM (what Ctrl-C sends the JVM's
 * shutdown hooks too) without waiting for them.
 */
class StuckPluginIT {

    /** Far under the five minutes a sleeping activator takes, far over the start deadline. */
    private static final long WELL_UNDER_SECONDS = 120;

    @TempDir
    Path tmp;
    GraftProcess graft;

    @AfterEach
    void stop() throws Exception {
        if (graft != null && graft.process().isAlive()) {
            graft.process().destroyForcibly();
            graft.process().waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** A plugin whose activator runs {@code body} in its start and prints when it started. */
    private static Path writePlugin(Path site, String name, String body) throws Exception {
        Path file = site.resolve(name + "/src/" + name + "/Main.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
            package %1$s;

            import org.osgi.framework.BundleActivator;
            import org.osgi.framework.BundleContext;

            public class Main implements BundleActivator {
                public void start(BundleContext context) throws Exception {
                    %2$s
                    System.out.println("%1$s started");
                }
                public void stop(BundleContext context) {
                }
            }
            """.formatted(name, body));
        return file;
    }

    /** Blocks for good and ignores interrupts: a start stuck on a lock that never comes free. */
    private static final String BLOCK_FOR_GOOD = """
        Object lock = new Object();
        synchronized (lock) {
            while (lock != null) {
                try {
                    lock.wait();
                } catch (InterruptedException ignored) {
                    // a stuck call does not answer interrupts either
                }
            }
        }""";

    private void assertExamplesActive(String table) {
        for (String example : new String[] { "greeter-api", "hello", "bonjour", "greetings", "uptime", "wordwrap" }) {
            assertTrue(table.lines().anyMatch(l -> l.startsWith(example + " ") && l.contains(" active ")), example + " loaded:\n" + table);
        }
    }

    @Test
    void runOnceWithAnActivatorThatSleepsFiveMinutesEndsAtTheDeadlineWithTheOthersLoaded() throws Exception {
        Path site = Files.createDirectory(tmp.resolve("site"));
        writePlugin(site, "sleeper", "Thread.sleep(300_000);");
        long begin = System.nanoTime();
        GraftProcess.Result r = GraftProcess.run(tmp, "run", "--once", "--verbose", "--site", CommandsIT.EXAMPLES.toString(), "--site",
            site.toString(), "--cache", tmp.resolve("cache").toString());
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin);
        assertTrue(seconds < WELL_UNDER_SECONDS, "took " + seconds + " s");
        assertEquals(1, r.exitCode(), r.err());
        assertExamplesActive(r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("sleeper ") && l.contains(" failed ")), r.out());
        assertTrue(r.out().contains("stuck: its start has not returned after 5000 ms (startDeadlineMillis)"), r.out());
        assertTrue(r.out().contains("stuck thread \"graft-start sleeper\"") && r.out().contains("at sleeper.Main.start(Main.java"),
            "--verbose prints the stuck thread's stack:\n" + r.out());
        assertTrue(r.err().contains("graft: 7 loaded, 1 failed"), r.err());
    }

    @Test
    void runOnceWithAStuckActivatorEndsAndNamesIt() throws Exception {
        Path site = Files.createDirectory(tmp.resolve("site"));
        writePlugin(site, "stuck", BLOCK_FOR_GOOD);
        GraftProcess.Result r = GraftProcess.start(tmp, "run", "--once", "--site", CommandsIT.EXAMPLES.toString(), "--site",
            site.toString(), "--cache", tmp.resolve("cache").toString()).await(WELL_UNDER_SECONDS);
        assertEquals(1, r.exitCode(), r.err());
        assertExamplesActive(r.out());
        assertTrue(r.out().contains("stuck: its start has not returned after 5000 ms"), r.out());
        assertFalse(r.out().contains("stuck thread"), "the stack only with --verbose:\n" + r.out());
        assertTrue(r.err().contains("graft: stopping without waiting for bundle") && r.err().contains("(stuck), stuck starting"), r.err());
    }

    @Test
    void sigtermStopsARunWithAStuckPluginWithoutWaitingForIt() throws Exception {
        Path site = Files.createDirectory(tmp.resolve("site"));
        writePlugin(site, "stuck", BLOCK_FOR_GOOD);
        writePlugin(site, "fine", "");
        graft = GraftProcess.start(tmp, "run", "--site", site.toString(), "--cache", tmp.resolve("cache").toString());
        graft.awaitLine("fine started", WELL_UNDER_SECONDS);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WELL_UNDER_SECONDS);
        while (!graft.stderrSoFar().contains("graft: running")) {
            assertTrue(System.nanoTime() < end && graft.process().isAlive(), graft.stderrSoFar());
            Thread.sleep(20);
        }
        long begin = System.nanoTime();
        graft.process().destroy();
        assertTrue(graft.process().waitFor(20, TimeUnit.SECONDS), "graft did not stop within 20 s of SIGTERM");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        System.out.println("SIGTERM to exit with a stuck plugin: " + millis + " ms");
        assertTrue(graft.stderrSoFar().contains("graft: stopping without waiting for bundle"), graft.stderrSoFar());
    }

    @Test
    void underWatchAStuckNewVersionIsAFailedSwapAndTheNextEditSwapsIn() throws Exception {
        Path site = Files.createDirectory(tmp.resolve("site"));
        Path main = writePlugin(site, "alpha", "");
        graft = GraftProcess.start(tmp, "run", "--watch", "--site", site.toString(), "--cache", tmp.resolve("cache").toString());
        graft.awaitLine("alpha started", WELL_UNDER_SECONDS);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WELL_UNDER_SECONDS);
        while (!graft.stderrSoFar().contains("graft: watching")) {
            assertTrue(System.nanoTime() < end && graft.process().isAlive(), graft.stderrSoFar());
            Thread.sleep(20);
        }
        Files.writeString(main, Files.readString(main).replace("throws Exception {", "throws Exception {\n" + BLOCK_FOR_GOOD));
        String failed = graft.awaitLine("graft: watch: alpha changed", WELL_UNDER_SECONDS);
        assertTrue(failed.contains("swap failed") && failed.contains("keeps running") && failed.contains("stuck"), failed);
        writePlugin(site, "alpha", "System.out.println(\"alpha v3\");");
        graft.awaitLine("alpha v3", WELL_UNDER_SECONDS);
        String swapped = graft.awaitLines("graft: watch: alpha changed", 2, WELL_UNDER_SECONDS).get(0);
        assertTrue(swapped.contains("swapped in bundle"), swapped);
    }
}
