package dev.graft.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code graft run --http 0 --watch} in a real process: a servlet plugin is edited and swapped 20
 * times while 4 client threads call it on loopback, and no request fails.
 */
class WebSwapIT {

    private static final long WAIT = 120;
    private static final int SWAPS = 20;
    private static final int BROKEN_AFTER = 10;
    private static final Pattern VERSION = Pattern.compile("page v(\\d+)");

    @TempDir
    Path tmp;
    Path site;
    GraftProcess graft;

    @BeforeEach
    void folders() throws Exception {
        site = Files.createDirectory(tmp.resolve("site"));
    }

    @AfterEach
    void stop() throws Exception {
        if (graft != null && graft.process().isAlive()) {
            graft.process().destroy();
            graft.await(60);
        }
    }

    /** The servlet plugin at /page; its answer names its version. */
    static String servlet(int version) {
        return """
            package page;

            import java.io.IOException;

            import jakarta.servlet.Servlet;
            import jakarta.servlet.http.HttpServlet;
            import jakarta.servlet.http.HttpServletRequest;
            import jakarta.servlet.http.HttpServletResponse;

            import org.osgi.service.component.annotations.Component;

            @Component(service = Servlet.class, property = "osgi.http.whiteboard.servlet.pattern=/page")
            public class Page extends HttpServlet {
                private static final long serialVersionUID = 1L;

                @Override
                protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    response.setContentType("text/plain");
                    response.getWriter().print("page v%d");
                }
            }
            """.formatted(version);
    }

    private void write(String source) throws Exception {
        Path file = site.resolve("page/src/page/Page.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
    }

    static int version(String body) {
        Matcher m = VERSION.matcher(body);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** @return the URL the whiteboard serves at, from the run's line on standard error */
    static URI servedAt(GraftProcess graft) throws Exception {
        graft.awaitStderr("graft: serving HTTP at ", WAIT);
        Matcher m = Pattern.compile("graft: serving HTTP at (http://\\S+?/?)[ ,]").matcher(graft.stderrSoFar());
        assertTrue(m.find(), graft.stderrSoFar());
        return URI.create(m.group(1).endsWith("/") ? m.group(1) : m.group(1) + "/");
    }

    @Test
    void twentySwapsUnderLoadFailNoRequestAndABrokenEditChangesNothing() throws Exception {
        write(servlet(0));
        graft = GraftProcess.start(tmp, "run", "--http", "0", "--watch", "--debounce", "100", "--site", site.toString(), "--cache",
            tmp.resolve("cache").toString());
        URI page = servedAt(graft).resolve("page");
        assertTrue(page.getHost().equals("127.0.0.1"), "bound to loopback: " + page);
        graft.awaitLine("page ", WAIT);

        try (LoadClients clients = new LoadClients(page, 4, 2000, 20_000, 20, WebSwapIT::version)) {
            assertTrue(clients.awaitFirstAnswers(WAIT), "every client had an answer before the first swap");
            for (int v = 1; v <= SWAPS; v++) {
                int before = clients.requests();
                write(servlet(v));
                String line = graft.awaitLines("graft: watch: page changed", v + (v > BROKEN_AFTER ? 1 : 0), WAIT).get(0);
                assertTrue(line.contains("-> swapped in bundle"), line);
                assertTrue(clients.requests() > before, "requests were made while swap " + v + " ran");
                if (v == BROKEN_AFTER) {
                    write(servlet(99).replace("print(", "print(undefinedName + "));
                    String failed = graft.awaitLines("graft: watch: page changed", v + 1, WAIT).get(0);
                    assertTrue(failed.contains("-> swap failed, bundle"), failed);
                    assertEquals(BROKEN_AFTER, version(get(page)), "after a broken edit the last good version answers");
                }
            }
            clients.finish();
            assertTrue(clients.await(WAIT), "the clients ended");
            assertEquals(List.of(), clients.failures(), "failed requests of " + clients.requests());
            assertEquals(0, clients.backwards(), "answers from an older version after a newer one");
            assertTrue(clients.requests() >= 2000, "requests: " + clients.requests());
            assertEquals(List.of(SWAPS, SWAPS, SWAPS, SWAPS), clients.lastVersions(), "the last answers come from the last version");
            System.out.println("WebSwapIT: " + clients.requests() + " requests across " + SWAPS + " swaps, " + clients.failures().size() + " failed");
        }
        assertEquals(SWAPS, version(get(page)));
    }

    static String get(URI uri) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        return client.send(java.net.http.HttpRequest.newBuilder(uri).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }
}
