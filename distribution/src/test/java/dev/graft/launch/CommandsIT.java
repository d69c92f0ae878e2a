package dev.graft.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graft commands, each run in a real separate process with exit codes and output asserted. */
class CommandsIT {

    static final Path EXAMPLES = Path.of(System.getProperty("graft.examples", "../examples")).toAbsolutePath();

    @TempDir
    Path tmp;
    Path cache;
    Path site;

    @BeforeEach
    void folders() throws Exception {
        cache = Files.createDirectory(tmp.resolve("cache"));
        site = Files.createDirectory(tmp.resolve("site"));
    }

    private void writeBroken() throws Exception {
        Path file = site.resolve("broken/src/b/Broken.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package b;\n\npublic class Broken {\n    int x = \"text\";\n}\n");
    }

    @Test
    void runOnceLoadsTheExamplesThenFromTheCache() throws Exception {
        GraftProcess.Result cold = GraftProcess.run(tmp, "run", "--once", "--site", EXAMPLES.toString(), "--cache", cache.toString());
        assertEquals(0, cold.exitCode(), cold.err());
        for (String name : List.of("greeter-api", "hello", "bonjour", "uptime", "greetings", "wordwrap", "web")) {
            assertTrue(cold.out().lines().anyMatch(l -> l.startsWith(name + " ") && l.contains(" active ") && l.contains(" compiled ")),
                name + " not compiled and active in:\n" + cold.out());
        }
        assertTrue(cold.out().contains("greetings: [en] Hello, Graft!"), cold.out());
        assertTrue(cold.out().contains("wordwrap: this plugin wraps its words with"), "the fat example runs its library:\n" + cold.out());
        GraftProcess.Result warm = GraftProcess.run(tmp, "run", "--once", "--site", EXAMPLES.toString(), "--cache", cache.toString());
        assertEquals(0, warm.exitCode(), warm.err());
        assertEquals(7, warm.out().lines().filter(l -> l.contains(" active ") && l.contains(" cache ")).count(), warm.out());
    }

    @Test
    void runOnceExitsOneWhenAPluginFails() throws Exception {
        writeBroken();
        GraftProcess.Result r = GraftProcess.run(tmp, "run", "--once", "--no-cache", "--site", site.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("broken/src/b/Broken.java:4:13: error: Type mismatch: cannot convert from String to int"), r.out());
    }

    @Test
    void checkPrintsDiagnosticsLikeJavacAndExitsOne() throws Exception {
        writeBroken();
        String dir = site.resolve("broken").toString();
        GraftProcess.Result r = GraftProcess.run(tmp, "check", dir);
        assertEquals(1, r.exitCode());
        assertEquals(List.of(dir + "/src/b/Broken.java:4:13: error: Type mismatch: cannot convert from String to int",
            "    int x = \"text\";", "            ^"), r.out().lines().toList());
    }

    @Test
    void checkWritesJsonForEditors() throws Exception {
        writeBroken();
        String dir = site.resolve("broken").toString();
        GraftProcess.Result r = GraftProcess.run(tmp, "check", "--format", "json", dir);
        assertEquals(1, r.exitCode());
        assertEquals("{\"plugins\":[{\"name\":\"broken\",\"folder\":\"" + dir + "\",\"ok\":false,\"diagnostics\":[{\"file\":\"" + dir
            + "/src/b/Broken.java\",\"line\":4,\"column\":13,\"severity\":\"error\",\"message\":\"Type mismatch: cannot convert from String to int\"}],\"configurations\":[]}]}",
            r.out().strip());
    }

    @Test
    void aMissingFolderIsNamedWithoutAStackTrace() throws Exception {
        Path missing = tmp.resolve("no-such-plugin");
        GraftProcess.Result r = GraftProcess.run(tmp, "check", missing.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.out().startsWith(missing.toString()), r.out());
        assertFalse((r.out() + r.err()).contains("\tat "), "no stack trace:\n" + r.out() + r.err());
    }

    @Test
    void sitesComeFromGraftSitesWhenNoSiteIsGiven() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other/solo/src/s"));
        Files.writeString(other.resolve("Solo.java"), "package s; public class Solo {}");
        GraftProcess.Result r = GraftProcess.run(tmp, java.util.Map.of("GRAFT_SITES", site + java.io.File.pathSeparator + tmp.resolve("other")),
            "list", "--cache", cache.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, r.out().lines().count(), r.out());
        assertTrue(r.out().lines().skip(1).findFirst().orElseThrow().contains(" solo "), r.out());
    }

    @Test
    void theDefaultSiteIsTheExamplesFolderBesideAMovedJar() throws Exception {
        Path dist = Files.createDirectories(tmp.resolve("moved"));
        Files.copy(GraftProcess.JAR, dist.resolve("graft.jar"));
        Path uptime = Files.createDirectories(dist.resolve("examples/uptime/src/com/example/uptime"));
        Files.copy(EXAMPLES.resolve("uptime/src/com/example/uptime/UptimeActivator.java"), uptime.resolve("UptimeActivator.java"));
        GraftProcess.Result r = GraftProcess.runJar(tmp, dist.resolve("graft.jar"), "which", "uptime");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(dist.resolve("examples/uptime").toString(), r.out().strip());
    }

    @Test
    void checkCompilesTheSitePluginsAPluginNeedsWithoutInstallingThem() throws Exception {
        GraftProcess.Result r = GraftProcess.run(tmp, "check", EXAMPLES.resolve("greetings").toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("graft: greetings ok"), r.err());
    }

    @Test
    void checkOfAGoodPluginExitsZero() throws Exception {
        GraftProcess.Result r = GraftProcess.run(tmp, "check", EXAMPLES.resolve("uptime").toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }

    @Test
    void aJarCompiledInOneProcessRunsInAnother() throws Exception {
        Path jar = tmp.resolve("uptime.jar");
        GraftProcess.Result compiled = GraftProcess.run(tmp, "compile", EXAMPLES.resolve("uptime").toString(), "-o", jar.toString());
        assertEquals(0, compiled.exitCode(), compiled.err());
        assertTrue(Files.size(jar) > 0);
        GraftProcess.Result run = GraftProcess.run(tmp, "run", "--once", "--no-cache", "--site", site.toString(), "--jar", jar.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("uptime ") && l.contains(" active ")), run.out());
    }

    @Test
    void compileOfABrokenPluginWritesNothing() throws Exception {
        writeBroken();
        Path jar = tmp.resolve("broken.jar");
        GraftProcess.Result r = GraftProcess.run(tmp, "compile", site.resolve("broken").toString(), "-o", jar.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("Broken.java:4:13: error:"), r.err());
        assertFalse(Files.exists(jar));
    }

    @Test
    void listShowsLoadOrderDependenciesAndCacheState() throws Exception {
        GraftProcess.Result r = GraftProcess.run(tmp, "list", "--site", EXAMPLES.toString(), "--cache", cache.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("#   PLUGIN"), r.out());
        assertTrue(lines.get(1).contains(" greeter-api "), "the API plugin comes first:\n" + r.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains(" hello ") && l.contains(" absent ") && l.contains(" greeter-api ")), r.out());
    }

    @Test
    void listGraphIsADotGraphThatGraphvizDraws() throws Exception {
        GraftProcess.Result r = GraftProcess.run(tmp, "list", "--graph", "--site", EXAMPLES.toString(), "--cache", cache.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("  \"hello\" -> \"greeter-api\";"), r.out());
        Path dotFile = Files.writeString(tmp.resolve("site.dot"), r.out());
        Path svg = tmp.resolve("site.svg");
        // Debian's graphviz, which .ci/run installs when it is missing
        Process dot = new ProcessBuilder("dot", "-Tsvg", dotFile.toString(), "-o", svg.toString()).redirectErrorStream(true).start();
        try {
            assertTrue(dot.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "dot did not finish");
            assertEquals(0, dot.exitValue(), new String(dot.getInputStream().readAllBytes()));
        } finally {
            dot.destroyForcibly();
        }
        String drawn = Files.readString(svg);
        assertTrue(drawn.contains("<title>hello&#45;&gt;greeter&#45;api</title>"), "the edge is drawn");
        assertTrue(drawn.contains("<title>uptime</title>"), "a plugin without dependencies is drawn too");
    }

    @Test
    void whichNamesTheWinningFolderAndTheShadowedOne() throws Exception {
        Path second = Files.createDirectory(tmp.resolve("second"));
        Path copy = second.resolve("uptime/src/com/example/uptime");
        Files.createDirectories(copy);
        Files.copy(EXAMPLES.resolve("uptime/src/com/example/uptime/UptimeActivator.java"), copy.resolve("UptimeActivator.java"));
        GraftProcess.Result r = GraftProcess.run(tmp, "which", "uptime", "--site", EXAMPLES.toString(), "--site", second.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(EXAMPLES.resolve("uptime").toString(), "shadowed: " + second.resolve("uptime")), r.out().lines().toList());
        GraftProcess.Result missing = GraftProcess.run(tmp, "which", "nothing", "--site", EXAMPLES.toString());
        assertEquals(1, missing.exitCode());
        assertEquals("graft: no site has a plugin named nothing", missing.err().strip());
    }

    @Test
    void cacheCommandsReportWhatTheCacheHolds() throws Exception {
        GraftProcess.Result run = GraftProcess.run(tmp, "run", "--once", "--site", EXAMPLES.toString(), "--cache", cache.toString());
        assertEquals(0, run.exitCode(), run.err());
        GraftProcess.Result ls = GraftProcess.run(tmp, "cache", "ls", "--cache", cache.toString());
        assertEquals(0, ls.exitCode(), ls.err());
        assertEquals(8, ls.out().lines().count(), "a header and seven entries:\n" + ls.out());
        GraftProcess.Result verify = GraftProcess.run(tmp, "cache", "verify", "--cache", cache.toString());
        assertEquals(0, verify.exitCode(), verify.out());
        assertTrue(verify.out().startsWith("checked 7 entries, 0 bad"), verify.out());
        GraftProcess.Result clean = GraftProcess.run(tmp, "cache", "clean", "--cache", cache.toString());
        assertEquals(0, clean.exitCode(), clean.err());
        GraftProcess.Result stats = GraftProcess.run(tmp, "cache", "stats", "--cache", cache.toString());
        assertTrue(stats.out().contains("entries      0"), stats.out());
        GraftProcess.Result bad = GraftProcess.run(tmp, "cache", "frob", "--cache", cache.toString());
        assertEquals(2, bad.exitCode());
    }

    @Test
    void cacheMaxEntriesBoundsWhatARunKeepsAndWhatPruneLeaves() throws Exception {
        GraftProcess.Result run = GraftProcess.run(tmp, "run", "--once", "--site", EXAMPLES.toString(), "--cache", cache.toString(),
            "--cache-max-entries", "3");
        assertEquals(0, run.exitCode(), run.err());
        GraftProcess.Result stats = GraftProcess.run(tmp, "cache", "stats", "--cache", cache.toString());
        assertTrue(stats.out().contains("entries      3 (at most 100)"), "seven plugins, three kept:\n" + stats.out());
        GraftProcess.Result prune = GraftProcess.run(tmp, "cache", "prune", "--cache", cache.toString(), "--cache-max-entries", "1");
        assertEquals(0, prune.exitCode(), prune.err());
        assertTrue(prune.out().startsWith("evicted 2 entries"), prune.out());
        GraftProcess.Result bad = GraftProcess.run(tmp, "run", "--once", "--site", EXAMPLES.toString(), "--cache", cache.toString(),
            "--cache-max-entries", "0");
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("--cache-max-entries takes a number of entries above 0, not 0"), bad.err());
    }

    @Test
    void theShellRunsGraftCommandsOnTheLoadedPlugins() throws Exception {
        GraftProcess p = GraftProcess.start(tmp, "shell", "--site", EXAMPLES.toString(), "--cache", cache.toString());
        try (java.io.OutputStream in = p.process().getOutputStream()) {
            in.write("graft:which hello\ngraft:swap hello\ngraft:leaks\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        GraftProcess.Result r = p.await(120);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains(EXAMPLES.resolve("hello") + " (active, graft:hello/"), r.out());
        assertTrue(r.out().matches("(?s).*swapped hello to bundle \\d+ in \\d+ ms.*"), r.out());
        assertTrue(r.out().contains("no retired plugin version is pinned"), r.out());
    }

    @Test
    void theShellUnloadsAnApiOnlyWithItsDependantsAndExitsQuietlyWithTheCodeGiven() throws Exception {
        GraftProcess p = GraftProcess.start(tmp, "shell", "--site", EXAMPLES.toString(), "--cache", cache.toString());
        try (java.io.OutputStream in = p.process().getOutputStream()) {
            in.write(("graft:swap greeter-api --dry-run\ngraft:unload greeter-api\ngraft:list\n"
                + "graft:unload greeter-api --with-dependants\ngraft:list\nexit 3\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        GraftProcess.Result r = p.await(120);
        assertEquals(3, r.exitCode(), r.err());
        assertTrue(r.out().contains("a swap of greeter-api would swap 4 plugins together:"), r.out());
        assertTrue(r.out().matches("(?s).*greeter-api is not unloaded: loaded plugins depend on it: \\w+ \\[\\d+\\], \\w+ \\[\\d+\\], \\w+ \\[\\d+\\];.*"),
            r.out());
        assertTrue(r.out().matches("(?s).*\nunloaded (hello|bonjour|greetings) \\[\\d+\\], (hello|bonjour|greetings) \\[\\d+\\], "
            + "(hello|bonjour|greetings) \\[\\d+\\], greeter-api \\[\\d+\\]\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\nhello +1\\.0\\.0 +active .*\nhello +1\\.0\\.0 +unloaded .*"), "hello is active, then unloaded:\n" + r.out());
        assertFalse(r.out().contains("Exception") || r.err().contains("Exception"), r.out() + r.err());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({ "INT, 130", "TERM, 143" })
    void aSignalStopsARunningGraftCleanly(String signal, int exitCode) throws Exception {
        GraftProcess p = GraftProcess.start(tmp, "run", "--no-cache", "--site", EXAMPLES.toString());
        long end = System.nanoTime() + 120_000_000_000L;
        while (p.stdoutSoFar().lines().noneMatch(l -> l.startsWith("uptime ") && l.contains(" active ")) && p.process().isAlive()
            && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertTrue(p.process().isAlive(), "graft run keeps running after loading");
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.process().pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
        GraftProcess.Result r = p.await(60);
        assertEquals(exitCode, r.exitCode(), r.err());
        assertTrue(r.out().contains("uptime: stopped after"), "plugins were stopped:\n" + r.out());
        try (Stream<Path> left = Files.list(tmp)) {
            assertTrue(left.noneMatch(f -> f.getFileName().toString().startsWith(FrameworkStorage.PREFIX)), "storage removed");
        }
    }
}
