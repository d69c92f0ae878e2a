package dev.graft.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code graft run --watch} in a real process, with files of its site edited while it runs. */
class WatchIT {

    private static final long WAIT = 60;

    @TempDir
    Path tmp;
    Path site;
    Path cache;
    GraftProcess graft;

    @BeforeEach
    void folders() throws Exception {
        site = Files.createDirectory(tmp.resolve("site"));
        cache = Files.createDirectory(tmp.resolve("cache"));
    }

    @AfterEach
    void stop() throws Exception {
        if (graft != null && graft.process().isAlive()) {
            graft.process().destroy();
            graft.await(60);
        }
    }

    /** A plugin whose activator prints when it starts and stops, so the output shows which version runs. */
    private void writePlugin(String name, String version, String extra) throws Exception {
        Path file = site.resolve(name + "/src/" + name + "/Main.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
            package %1$s;

            import org.osgi.framework.BundleActivator;
            import org.osgi.framework.BundleContext;

            public class Main implements BundleActivator {
                public void start(BundleContext context) {
                    System.out.println("%1$s %2$s started" + %3$s);
                }
                public void stop(BundleContext context) {
                    System.out.println("%1$s %2$s stopped");
                }
            }
            """.formatted(name, version, extra));
    }

    private void start(String... options) throws Exception {
        String[] args = Stream.concat(Stream.of("run", "--watch", "--site", site.toString(), "--cache", cache.toString()), Stream.of(options))
            .toArray(String[]::new);
        graft = GraftProcess.start(tmp, args);
    }

    private long count(String prefix) throws Exception {
        return graft.stdoutSoFar().lines().filter(l -> l.startsWith(prefix)).count();
    }

    @Test
    void aChangeSwapsABrokenEditKeepsTheOldVersionAndTheFixSwapsIn() throws Exception {
        writePlugin("alpha", "v1", "\"\"");
        start("--debounce", "300");
        graft.awaitLine("alpha v1 started", WAIT);
        while (!graft.stderrSoFar().contains("graft: watching")) {
            Thread.sleep(20);
        }

        writePlugin("alpha", "v2", "alpha.Helper.SUFFIX");
        Files.writeString(site.resolve("alpha/src/alpha/Helper.java"), "package alpha;\n\nclass Helper {\n    static final String SUFFIX = \"!\";\n}\n");
        String swapped = graft.awaitLine("graft: watch: alpha changed", WAIT);
        assertTrue(swapped.matches("graft: watch: alpha changed \\(src/alpha/Helper.java, src/alpha/Main.java\\) -> swapped in bundle \\d+ in \\d+ ms"),
            swapped);
        graft.awaitLine("alpha v2 started!", WAIT);
        graft.awaitLine("alpha v1 stopped", WAIT);
        assertTrue(graft.stdoutSoFar().indexOf("alpha v2 started") < graft.stdoutSoFar().indexOf("alpha v1 stopped"),
            "the new version started before the old one stopped");

        Files.writeString(site.resolve("alpha/src/alpha/Main.java"), "package alpha;\n\npublic class Main {\n    int x = \"text\";\n}\n");
        String failed = graft.awaitLines("graft: watch: alpha changed", 2, WAIT).get(0);
        assertTrue(failed.matches("graft: watch: alpha changed \\(src/alpha/Main.java\\) -> swap failed, bundle \\d+ keeps running: "
            + ".*alpha/src/alpha/Main.java:4:13: error: Type mismatch: cannot convert from String to int \\(\\d+ ms\\)"), failed);
        assertFalse(graft.stdoutSoFar().contains("alpha v2 stopped"), "the old version keeps running");

        Files.writeString(site.resolve("alpha/src/alpha/.Main.java.swp"), "an editor's swap file");
        writePlugin("alpha", "v3", "\"\"");
        String fixed = graft.awaitLines("graft: watch: alpha changed", 3, WAIT).get(0);
        assertTrue(fixed.matches("graft: watch: alpha changed \\(src/alpha/Main.java\\) -> swapped in bundle \\d+ in \\d+ ms"), fixed);
        graft.awaitLine("alpha v3 started", WAIT);
        graft.awaitLine("alpha v2 stopped", WAIT);
        assertEquals(3, count("graft: watch: "), "one event per change, none for the editor's file");
    }

    @Test
    void watchGoesWithoutOnceAndTakesMilliseconds() throws Exception {
        GraftProcess.Result both = GraftProcess.run(tmp, "run", "--once", "--watch", "--site", site.toString());
        assertEquals(2, both.exitCode());
        assertTrue(both.err().startsWith("graft run: --once and --watch exclude each other"), both.err());
        GraftProcess.Result bad = GraftProcess.run(tmp, "run", "--watch", "--debounce", "soon", "--site", site.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().startsWith("graft run: --debounce takes a number of milliseconds, not soon"), bad.err());
    }

    @Test
    void aNewFolderLoadsAndARemovedFolderUnloads() throws Exception {
        writePlugin("alpha", "v1", "\"\"");
        start("--debounce", "200", "--poll", "50");
        graft.awaitLine("alpha v1 started", WAIT);
        while (!graft.stderrSoFar().contains("graft: watching")) {
            Thread.sleep(20);
        }
        assertTrue(graft.stderrSoFar().contains("polling every 50 ms, debounce 200 ms"), graft.stderrSoFar());

        writePlugin("beta", "v1", "\"\"");
        String added = graft.awaitLine("graft: watch: beta", WAIT);
        assertTrue(added.matches("graft: watch: beta added -> loaded as bundle \\d+ \\(compiled\\) in \\d+ ms"), added);
        graft.awaitLine("beta v1 started", WAIT);

        try (Stream<Path> files = Files.walk(site.resolve("beta"))) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
        String removed = graft.awaitLines("graft: watch: beta", 2, WAIT).get(0);
        assertTrue(removed.matches("graft: watch: beta removed -> unloaded bundle \\d+ in \\d+ ms"), removed);
        graft.awaitLine("beta v1 stopped", WAIT);
        assertFalse(graft.stdoutSoFar().contains("alpha v1 stopped"), "the other plugin is left alone");
    }

    @Test
    void aRemovedApiFolderUnloadsItsDependantsWithItAndTheyComeBackWithIt() throws Exception {
        Path api = site.resolve("api/src/api/Word.java");
        Files.createDirectories(api.getParent());
        Files.writeString(site.resolve("api/bnd.bnd"), "Export-Package: api\n");
        Files.writeString(api, "package api;\n\npublic class Word {\n    public static String word() {\n        return \"!\";\n    }\n}\n");
        Path saved = Files.createDirectories(tmp.resolve("saved"));
        writePlugin("user", "v1", "Word.word()");
        Path user = site.resolve("user/src/user/Main.java");
        Files.writeString(user, Files.readString(user).replace("package user;\n", "package user;\n\nimport api.Word;\n"));
        start("--debounce", "200", "--poll", "50");
        graft.awaitLine("user v1 started!", WAIT);
        while (!graft.stderrSoFar().contains("graft: watching")) {
            Thread.sleep(20);
        }

        Files.move(site.resolve("api"), saved.resolve("api"));
        String removed = graft.awaitLine("graft: watch: api", WAIT);
        assertTrue(removed.matches("graft: watch: api removed -> unloaded bundle \\d+ and the plugins that depend on it: user \\[\\d+\\] "
            + "\\(they load again when api comes back\\) in \\d+ ms"), removed);
        graft.awaitLine("user v1 stopped", WAIT);

        Files.move(saved.resolve("api"), site.resolve("api"));
        String back = graft.awaitLine("graft: watch: user", WAIT);
        assertTrue(back.matches("graft: watch: user is back with api -> loaded as bundle \\d+ in \\d+ ms"), back);
        assertEquals(2, count("user v1 started!"), graft.stdoutSoFar());
        assertTrue(graft.stdoutSoFar().contains("graft: watch: api added -> loaded as bundle"), graft.stdoutSoFar());
    }
}
