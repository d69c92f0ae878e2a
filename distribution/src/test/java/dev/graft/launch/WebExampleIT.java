package dev.graft.launch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's web tour, as a person would do it: {@code graft run --http 0 --watch} on a copy of
 * examples/web, the page opened in headless Chromium, the greeting edited, the page opened again.
 */
class WebExampleIT {

    private static final long WAIT = 120;
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

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

    @Test
    void thePageShowsTheNewTextAfterAnEdit() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is needed (Debian's chromium; .ci/run installs it)");
        Path site = tmp.resolve("site");
        Path source = site.resolve("web/src/com/example/web/GreetingPage.java");
        Files.createDirectories(source.getParent());
        Files.copy(CommandsIT.EXAMPLES.resolve("web/bnd.bnd"), site.resolve("web/bnd.bnd"));
        Files.copy(CommandsIT.EXAMPLES.resolve("web/src/com/example/web/GreetingPage.java"), source);
        graft = GraftProcess.start(tmp, "run", "--http", "0", "--watch", "--site", site.toString(), "--cache", tmp.resolve("cache").toString());
        URI page = WebSwapIT.servedAt(graft).resolve("greeting");
        graft.awaitStderr("INFO  [web] serving /greeting: Hello from a source plugin", WAIT);

        String before = dumpDom(page);
        assertTrue(before.contains("<h1 id=\"greeting\">Hello from a source plugin</h1>"), before);

        Files.writeString(source, Files.readString(source).replace("\"Hello from a source plugin\"", "\"Edited while it served\""));
        String swapped = graft.awaitLine("graft: watch: web changed", WAIT);
        assertTrue(swapped.contains("-> swapped in bundle"), swapped);
        String after = dumpDom(page);
        assertTrue(after.contains("<h1 id=\"greeting\">Edited while it served</h1>"), after);
    }

    /** @return the page as headless Chromium renders it; the browser is ended by its pid on every path */
    private String dumpDom(URI page) throws Exception {
        Path profile = Files.createTempDirectory(tmp, "chromium-");
        Path out = Files.createTempFile(tmp, "dom", ".html");
        Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + profile, "--dump-dom", page.toString()))
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        try {
            assertTrue(chromium.waitFor(WAIT, TimeUnit.SECONDS), "chromium did not finish within " + WAIT + " s");
            return Files.readString(out);
        } finally {
            try (Stream<ProcessHandle> children = chromium.descendants()) {
                children.forEach(ProcessHandle::destroyForcibly);
            }
            chromium.destroyForcibly();
        }
    }
}
