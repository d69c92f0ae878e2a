package dev.graft.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin cannot end the host unnoticed, exit codes tell the truth, and killed runs leave no storage behind. */
class ExitsIT {

    private static final long WAIT = 60;

    @TempDir
    Path tmp;
    Path site;
    private final List<GraftProcess> running = new ArrayList<>();

    @BeforeEach
    void folders() throws Exception {
        site = Files.createDirectory(tmp.resolve("site"));
    }

    @AfterEach
    void stopRunning() throws Exception {
        for (GraftProcess p : running) {
            p.process().destroyForcibly();
            p.process().waitFor(WAIT, TimeUnit.SECONDS);
        }
    }

    private void write(String relative, String text) throws Exception {
        Path file = site.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void writeActivator(String plugin, String body) throws Exception {
        write(plugin + "/src/" + plugin + "/Main.java", """
            package %s;

            import org.osgi.framework.BundleActivator;
            import org.osgi.framework.BundleContext;

            public class Main implements BundleActivator {
                public void start(BundleContext context) throws Exception {
                    %s
                }

                public void stop(BundleContext context) {
                }
            }
            """.formatted(plugin, body));
    }

    @Test
    void haltBesideAPluginThatFailsToCompileIsRefusedAndTheRunExitsOne() throws Exception {
        writeActivator("halter", "Runtime.getRuntime().halt(0);");
        write("broken/src/b/Broken.java", "package b;\n\npublic class Broken {\n    int x = \"text\";\n}\n");
        GraftProcess.Result r = GraftProcess.run(tmp, "run", "--once", "--no-cache", "--site", site.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("halter/src/halter/Main.java:8:30: error: forbidden method invocation java.lang.Runtime#halt(int): "
            + "it would end the host process and every other plugin with it"), r.out());
        assertTrue(r.out().contains("broken/src/b/Broken.java:4:13: error: Type mismatch"), r.out());
        assertTrue(r.err().contains("graft: 0 loaded, 2 failed"), r.err());
    }

    @Test
    void checkAsJsonPositionsAForbiddenCall() throws Exception {
        writeActivator("halter", "Runtime.getRuntime().halt(0);");
        String dir = site.resolve("halter").toString();
        GraftProcess.Result r = GraftProcess.run(tmp, "check", "--format", "json", dir);
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("{\"file\":\"" + dir + "/src/halter/Main.java\",\"line\":8,\"column\":30,\"severity\":\"error\","
            + "\"message\":\"forbidden method invocation java.lang.Runtime#halt(int): it would end the host process"), r.out());
    }

    @Test
    void underWatchAnEditThatAddsAnExitFailsToSwapAndTheOldVersionKeepsRunning() throws Exception {
        writeActivator("edited", "System.out.println(\"edited v1 started\");");
        GraftProcess graft = GraftProcess.start(tmp, "run", "--watch", "--site", site.toString(), "--cache", tmp.resolve("cache").toString());
        running.add(graft);
        graft.awaitLine("edited v1 started", WAIT);
        graft.awaitStderr("graft: watching", WAIT);
        writeActivator("edited", "System.exit(0);");
        String failed = graft.awaitLine("graft: watch: edited changed", WAIT);
        assertTrue(failed.matches("graft: watch: edited changed \\(src/edited/Main.java\\) -> swap failed, bundle \\d+ keeps running: "
            + ".*edited/src/edited/Main.java:8:16: error: forbidden method invocation java.lang.System#exit\\(int\\): .*"), failed);
        assertTrue(graft.process().isAlive(), "graft keeps running");
    }

    @Test
    void anExitReachedThroughReflectionNamesThePluginAndEndsWithGraftsOwnCode() throws Exception {
        writeActivator("quitter", "Class.forName(\"java.lang.System\").getMethod(\"exit\", int.class).invoke(null, 3);");
        GraftProcess.Result r = GraftProcess.run(tmp, "run", "--once", "--no-cache", "--site", site.toString());
        assertEquals(PluginExit.EXIT_PLUGIN_EXIT, r.exitCode(), r.err());
        assertTrue(r.err().matches("(?s).*graft: plugin quitter \\(bundle \\d+\\) at quitter\\.Main\\.start\\(Main\\.java:8\\) on thread .*"
            + " called System\\.exit, which would end Graft and every other plugin; stopping with exit code 4\n.*"), r.err());
    }

    @Test
    void aSiteForbidsMoreCallsWithASignaturesFileInRunAndCheck() throws Exception {
        Files.writeString(site.resolve("forbidden-signatures.txt"),
            "java.lang.Class#forName(java.lang.String) @ this site loads no classes by name\n");
        writeActivator("quitter", "Class.forName(\"java.lang.System\").getMethod(\"exit\", int.class).invoke(null, 3);");
        String error = "quitter/src/quitter/Main.java:8:15: error: forbidden method invocation java.lang.Class#forName(java.lang.String): "
            + "this site loads no classes by name";
        GraftProcess.Result run = GraftProcess.run(tmp, "run", "--once", "--site", site.toString(), "--cache", tmp.resolve("cache").toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains(error), run.out());
        GraftProcess.Result check = GraftProcess.run(tmp, "check", site.resolve("quitter").toString());
        assertEquals(1, check.exitCode(), check.err());
        assertTrue(check.out().contains(error), check.out());
    }

    @Test
    void runOnceExitsOneWhenTheSiteIsMissing() throws Exception {
        Path missing = tmp.resolve("no-such-site");
        GraftProcess.Result r = GraftProcess.run(tmp, "run", "--once", "--site", missing.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("graft: site " + missing + " is not a directory"), r.err());
        assertTrue(r.err().contains("graft: 0 loaded, 0 failed, 1 problem with the sites (see above)"), r.err());
    }

    @Test
    void runOnceExitsOneWhenTheSiteIsAFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("site.txt"), "not a folder");
        GraftProcess.Result r = GraftProcess.run(tmp, "run", "--once", "--site", file.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("graft: site " + file + " is not a directory"), r.err());
    }

    @Test
    void runOnceExitsOneWhenEveryPluginOfTheSiteIsRefused() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside/linked/src/l"));
        Files.writeString(outside.resolve("Linked.java"), "package l;\n\npublic class Linked {\n}\n");
        Files.createSymbolicLink(site.resolve("linked"), tmp.resolve("outside/linked"));
        GraftProcess.Result r = GraftProcess.run(tmp, "run", "--once", "--site", site.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("graft: refused " + site.resolve("linked") + ": it is a link to"), r.err());
        assertTrue(r.err().contains("graft: 0 loaded, 0 failed, 1 problem with the sites (see above)"), r.err());
    }

    @Test
    void runOnceOfAnEmptySiteExitsZero() throws Exception {
        GraftProcess.Result r = GraftProcess.run(tmp, "run", "--once", "--site", site.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    /** The storage of a killed run in the user's runtime folder is removed by a later run that keeps its own elsewhere. */
    @Test
    void storageOfAKilledRunIsRemovedByTheNextStartAndALiveRunsIsKept() throws Exception {
        Path runtime = Files.createDirectory(tmp.resolve("runtime"));
        Map<String, String> env = Map.of("XDG_RUNTIME_DIR", runtime.toString());
        GraftProcess killed = startInRuntimeFolder(env);
        GraftProcess live = startInRuntimeFolder(env);
        Path killedStorage = storageOf(runtime, killed);
        Path liveStorage = storageOf(runtime, live);

        killed.process().destroyForcibly();
        assertTrue(killed.process().waitFor(WAIT, TimeUnit.SECONDS));
        assertTrue(Files.exists(killedStorage), "kill -9 leaves the storage");

        GraftProcess.Result next = GraftProcess.run(tmp, env, "run", "--once", "--site", site.toString());
        assertEquals(0, next.exitCode(), next.err());
        assertFalse(Files.exists(killedStorage), "the killed run's storage is removed");
        assertTrue(Files.exists(liveStorage.resolve("graft.pid")), "the live run's storage is kept");
    }

    /** {@code java.io.tmpdir=/tmp} (the default), so the storage goes to {@code $XDG_RUNTIME_DIR}. */
    private GraftProcess startInRuntimeFolder(Map<String, String> env) throws Exception {
        GraftProcess p = GraftProcess.start(tmp, env, List.of("-Djava.io.tmpdir=/tmp"), "run", "--site", site.toString());
        running.add(p);
        p.awaitStderr("graft: running", WAIT);
        return p;
    }

    private static Path storageOf(Path place, GraftProcess p) throws Exception {
        List<Path> all;
        try (var dirs = Files.list(place)) {
            all = dirs.toList();
            for (Path dir : all) {
                Path pid = dir.resolve("graft.pid");
                if (Files.exists(pid) && Files.readString(pid).trim().equals(Long.toString(p.process().pid()))) {
                    return dir;
                }
            }
        }
        throw new AssertionError("no storage of process " + p.process().pid() + " in " + place + ": " + all + "; stderr:\n" + p.stderrSoFar());
    }
}
