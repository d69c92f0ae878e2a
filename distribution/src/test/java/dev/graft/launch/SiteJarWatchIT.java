package dev.graft.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle jar in a site folder under {@code graft run --watch}: replaced, it swaps; written slowly, it waits; removed, it unloads. */
class SiteJarWatchIT {

    private static final long WAIT = 60;

    @TempDir
    Path tmp;
    GraftProcess graft;

    @AfterEach
    void stop() throws Exception {
        if (graft != null && graft.process().isAlive()) {
            graft.process().destroy();
            graft.await(60);
        }
    }

    /** A plugin whose activator prints when it starts and stops, made into a jar by graft compile. */
    private Path jar(String version) throws Exception {
        Path folder = tmp.resolve("src-" + version + "/beta");
        Path file = folder.resolve("src/beta/Main.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
            package beta;

            import org.osgi.framework.BundleActivator;
            import org.osgi.framework.BundleContext;

            public class Main implements BundleActivator {
                public void start(BundleContext context) {
                    System.out.println("beta %1$s started");
                }
                public void stop(BundleContext context) {
                    System.out.println("beta %1$s stopped");
                }
            }
            """.formatted(version));
        Path jar = tmp.resolve("beta-" + version + ".jar");
        GraftProcess.Result compiled = GraftProcess.run(tmp, "compile", folder.toString(), "-o", jar.toString());
        assertEquals(0, compiled.exitCode(), compiled.err());
        return jar;
    }

    @Test
    void aJarReplacedUnderWatchSwapsOnceWholeAndUnloadsWhenRemoved() throws Exception {
        Path v1 = jar("v1");
        Path v2 = jar("v2");
        Path site = Files.createDirectory(tmp.resolve("site"));
        Path inSite = Files.copy(v1, site.resolve("beta.jar"));

        GraftProcess.Result list = GraftProcess.run(tmp, "list", "--site", site.toString());
        assertTrue(list.out().lines().anyMatch(l -> l.contains(" beta ") && l.contains(" prebuilt ") && l.endsWith(inSite.toString())),
            list.out());

        graft = GraftProcess.start(tmp, "run", "--watch", "--debounce", "400", "--site", site.toString());
        graft.awaitLine("beta v1 started", WAIT);
        graft.awaitStderr("graft: running", WAIT);

        // rewritten in place in two steps, well within the debounce: never acted on half-written
        byte[] bytes = Files.readAllBytes(v2);
        try (OutputStream out = Files.newOutputStream(inSite)) {
            out.write(Arrays.copyOf(bytes, bytes.length / 2));
            out.flush();
            Thread.sleep(100);
            out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
        }
        String swapped = graft.awaitLine("graft: watch: beta changed", WAIT);
        assertTrue(swapped.matches("graft: watch: beta changed \\(beta.jar\\) -> swapped in bundle \\d+ in \\d+ ms"), swapped);
        graft.awaitLine("beta v2 started", WAIT);
        graft.awaitLine("beta v1 stopped", WAIT);

        // written atomically, as a build tool does: a temporary file the scan ignores, then a move
        Path temporary = site.resolve("beta.jar.tmp");
        Files.copy(v1, temporary);
        Files.move(temporary, inSite, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        String back = graft.awaitLines("graft: watch: beta changed", 2, WAIT).get(0);
        assertTrue(back.contains("-> swapped in bundle"), back);
        graft.awaitLine("beta v2 stopped", WAIT);
        assertEquals(2, graft.stdoutSoFar().lines().filter(l -> l.equals("beta v1 started")).count());

        Files.delete(inSite);
        String removed = graft.awaitLine("graft: watch: beta removed", WAIT);
        assertTrue(removed.matches("graft: watch: beta removed -> unloaded bundle \\d+ in \\d+ ms"), removed);
        assertFalse(graft.stderrSoFar().contains("swap failed"), graft.stderrSoFar());
    }
}
