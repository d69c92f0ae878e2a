package dev.graft.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.graft.testsupport.Nginx;
import dev.graft.testsupport.TestCertificates;

/** Two real graft processes with separate local caches sharing a real nginx as their remote cache. */
class RemoteCacheIT {

    @TempDir
    Path tmp;

    private GraftProcess.Result run(String cache, String remote, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--once", "--site", CommandsIT.EXAMPLES.toString(), "--cache",
            tmp.resolve(cache).toString(), "--remote-cache", remote));
        args.addAll(List.of(more));
        return GraftProcess.run(tmp, args.toArray(String[]::new));
    }

    private GraftProcess.Result stats(String cache) throws Exception {
        GraftProcess.Result r = GraftProcess.run(tmp, "cache", "stats", "--cache", tmp.resolve(cache).toString());
        assertEquals(0, r.exitCode(), r.err());
        return r;
    }

    private long objects(Nginx nginx) throws Exception {
        try (Stream<Path> all = Files.walk(nginx.data())) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    /** A site of plugins that need nothing: a class each. */
    private Path plainSite(String... names) throws Exception {
        Path site = tmp.resolve("plain-site");
        for (String name : names) {
            Path source = site.resolve(name).resolve("src").resolve(name).resolve("Plain.java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, "package " + name + ";\n\npublic class Plain {\n}\n");
        }
        return site;
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
    void httpsWithAPrivateCaSharesBuildsAndTheCountersOfEveryProcessShowInCacheStats() throws Exception {
        TestCertificates certificates = TestCertificates.make(tmp.resolve("tls"));
        try (Nginx nginx = Nginx.startHttps(tmp.resolve("nginx"), certificates)) {
            String ca = certificates.ca().toString();
            GraftProcess.Result first = run("first", nginx.url(), "--remote-cache-ca", ca);
            assertEquals(0, first.exitCode(), first.err());
            long compiled = lines(first, " compiled ");
            assertTrue(compiled >= 5, first.out());
            assertEquals(2 * compiled, objects(nginx), "a bundle and a record of each, over HTTPS:\n" + first.err());

            GraftProcess.Result second = run("second", nginx.url(), "--remote-cache-ca", ca);
            assertEquals(0, second.exitCode(), second.err());
            assertEquals(0, lines(second, " compiled "), "nothing compiled:\n" + second.out());
            assertEquals(compiled, lines(second, " cache "), second.out());
            String secondStats = stats("second").out();
            assertTrue(secondStats.contains("remote       " + nginx.url() + "\n"), secondStats);
            assertTrue(secondStats.contains("remote hits  " + compiled + "\n"), secondStats);
            assertTrue(secondStats.contains("remote errors 0, "), secondStats);

            // the JDK's trust store alone does not trust the private CA: compiled here, said once, counted
            Path plain = plainSite("plain1", "plain2", "plain3");
            GraftProcess.Result untrusted = GraftProcess.run(tmp, "run", "--once", "--site", CommandsIT.EXAMPLES.toString(),
                "--site", plain.toString(), "--cache", tmp.resolve("first").toString(), "--remote-cache", nginx.url());
            assertEquals(0, untrusted.exitCode(), untrusted.err());
            assertEquals(3, lines(untrusted, " compiled "), "the three new plugins are compiled here:\n" + untrusted.out());
            assertEquals(compiled, lines(untrusted, " cache "), untrusted.out());
            assertEquals(1, untrusted.err().lines().filter(l -> l.contains("the remote cache " + nginx.url() + " failed")).count(),
                "said once:\n" + untrusted.err());
            assertTrue(untrusted.err().contains("PKIX") || untrusted.err().contains("SSLHandshakeException"), untrusted.err());
            assertEquals(2 * compiled, objects(nginx), "nothing uploaded to a server this host does not trust");

            String firstStats = stats("first").out();
            assertTrue(firstStats.contains("remote misses " + compiled + "\n"), "the first process's misses:\n" + firstStats);
            assertTrue(firstStats.contains("uploads      " + compiled + ", refused 0\n"), firstStats);
            Matcher failed = Pattern.compile("remote errors (\\d+), skipped (\\d+) ").matcher(firstStats);
            assertTrue(failed.find(), firstStats);
            int errors = Integer.parseInt(failed.group(1));
            assertTrue(errors >= 1, "the untrusting process's refused handshake is counted:\n" + firstStats);
            assertEquals(3 + 3, errors + Integer.parseInt(failed.group(2)),
                "each lookup and upload of the new plugins failed (lookups in parallel may each fail) or was not tried:\n" + firstStats);
            assertTrue(firstStats.contains("remote hits  0\n"), firstStats);

            GraftProcess.Result clean = GraftProcess.run(tmp, "cache", "clean", "--cache", tmp.resolve("first").toString());
            assertEquals(0, clean.exitCode(), clean.err());
            assertFalse(stats("first").out().contains("remote "), "a clean resets the counters");
        }
    }

    @Test
    void remoteCacheOptionsWhereTheyMeanNothingAreUsageErrors() throws Exception {
        GraftProcess.Result check = GraftProcess.run(tmp, "check", "--remote-cache", "http://127.0.0.1:1/",
            CommandsIT.EXAMPLES.resolve("hello").toString());
        assertEquals(2, check.exitCode(), check.err());
        assertTrue(check.err().contains("check reads no cache, local or remote"), check.err());

        GraftProcess.Result caAlone = GraftProcess.run(tmp, "cache", "stats", "--cache", tmp.resolve("c").toString(),
            "--remote-cache-ca", tmp.resolve("none.pem").toString());
        assertEquals(2, caAlone.exitCode(), caAlone.err());
        assertTrue(caAlone.err().contains("--remote-cache-ca goes with --remote-cache URL"), caAlone.err());

        Path notPem = Files.writeString(tmp.resolve("not.pem"), "not a certificate\n");
        GraftProcess.Result bad = GraftProcess.run(tmp, "cache", "stats", "--cache", tmp.resolve("c").toString(),
            "--remote-cache", "https://127.0.0.1:1/", "--remote-cache-ca", notPem.toString());
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("--remote-cache-ca " + notPem), bad.err());
    }

    @Test
    void credentialsOnTheCommandLineAreRefused() throws Exception {
        GraftProcess.Result r = run("c", "http://user:secret@127.0.0.1:1/");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--remote-cache must not carry credentials"), r.err());
    }
}
