package dev.graft.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.graft.testsupport.Nginx;

/** Two real graft processes with separate local caches sharing a real nginx as their remote cache. */
class RemoteCacheIT {

    @TempDir
    Path tmp;

    private GraftProcess.Result run(String cache, String remote) throws Exception {
        return GraftProcess.run(tmp, "run", "--once", "--site", CommandsIT.EXAMPLES.toString(), "--cache",
            tmp.resolve(cache).toString(), "--remote-cache", remote);
    }

    /** Rows of the table of loaded plugins that are active and built as said ({@code compiled}, {@code cache}). */
    private static long lines(GraftProcess.Result r, String state) {
        return r.out().lines().filter(l -> l.contains(" active ") && l.contains(state)).count();
    }

    @Test
    void secondHostStartsEveryPluginFromTheRemoteWithoutCompiling() throws Exception {
        try (Nginx nginx = Nginx.start(tmp.resolve("nginx"))) {
            GraftProcess.Result first = run("first", nginx.url());
            assertEquals(0, first.exitCode(), first.err());
            long compiled = lines(first, " compiled ");
            assertTrue(compiled >= 5, "the examples are compiled:\n" + first.out());
            try (Stream<Path> records = Files.list(nginx.data().resolve("ac"))) {
                assertEquals(compiled, records.count(), "every compiled plugin is uploaded before the process ends");
            }

            GraftProcess.Result second = run("second", nginx.url());
            assertEquals(0, second.exitCode(), second.err());
            assertEquals(0, lines(second, " compiled "), "nothing compiled:\n" + second.out());
            assertEquals(compiled, lines(second, " cache "), "every plugin from the remote:\n" + second.out());
            assertTrue(second.out().contains("greetings: [en] Hello, Graft!"), second.out());
        }
    }

    @Test
    void aRemoteCacheThatIsDownCostsCompilesAndOneWarning() throws Exception {
        int closed;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort();
        }
        GraftProcess.Result r = run("alone", "http://127.0.0.1:" + closed + "/");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(lines(r, " compiled ") >= 5, r.out());
        assertEquals(1, r.err().lines().filter(l -> l.contains("the remote cache http://127.0.0.1:" + closed + "/ failed")).count(),
            "said once:\n" + r.err());
    }

    @Test
    void credentialsOnTheCommandLineAreRefused() throws Exception {
        GraftProcess.Result r = run("c", "http://user:secret@127.0.0.1:1/");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--remote-cache must not carry credentials"), r.err());
    }
}
