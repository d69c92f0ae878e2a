package dev.graft.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.graft.cache.CacheEntry;
import dev.graft.cache.RemoteStats;
import dev.graft.testsupport.Nginx;
import dev.graft.testsupport.TestCertificates;

/**
 * The remote cache over a real TLS connection: nginx serving HTTPS with a certificate of a CA made
 * by the test. With the CA file ({@code remoteCaFile}) the hosts share their builds; without it (the
 * JDK's trust store only) the server is not trusted, the plugin is compiled here, the failure is
 * counted and said once, and nothing from the server is stored.
 */
class RemoteHttpsTest {

    @TempDir
    static Path authority;
    @TempDir
    Path tmp;

    private static TestCertificates certificates;
    private Nginx server;
    private final List<PluginCacheComponent> hosts = new ArrayList<>();

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = TestCertificates.make(authority);
    }

    @BeforeEach
    void startServer() throws Exception {
        server = Nginx.startHttps(tmp.resolve("nginx"), certificates);
    }

    @AfterEach
    void stop() {
        hosts.forEach(PluginCacheComponent::deactivate);
        server.close();
    }

    private PluginCacheComponent host(String name, boolean trustTheCa) {
        Map<String, Object> config = new HashMap<>(Map.of("dir", tmp.resolve(name).toString(), "remoteUrl", server.url()));
        if (trustTheCa) {
            config.put("remoteCaFile", certificates.ca().toString());
        }
        PluginCacheComponent host = PluginCacheComponentTest.activated(PluginCacheComponentTest.config(config));
        hosts.add(host);
        return host;
    }

    private static boolean start(PluginCacheComponent host, String plugin) {
        return RemoteCacheTest.start(host, plugin);
    }

    private long objects() throws Exception {
        try (Stream<Path> all = Files.walk(server.data())) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void withTheCaFileASecondHostGetsEveryEntryFromTheServerWithoutCompiling() throws Exception {
        assertTrue(server.url().startsWith("https://127.0.0.1:"), server.url());
        PluginCacheComponent first = host("first", true);
        for (String p : List.of("a", "b", "c")) {
            assertTrue(start(first, p), p + " is compiled by the first host");
        }
        RemoteStats uploaded = first.remoteStats();
        assertEquals(3, uploaded.uploads(), uploaded.toString());
        assertEquals(0, uploaded.errors(), uploaded.toString());
        assertEquals(6, objects(), "three bundles and three records, over TLS:\n" + server.accessLog());

        PluginCacheComponent second = host("second", true);
        for (String p : List.of("a", "b", "c")) {
            assertTrue(!start(second, p), p + " comes from the server, not compiled");
        }
        RemoteStats fetched = second.remoteStats();
        assertEquals(3, fetched.hits(), fetched.toString());
        assertEquals(0, fetched.errors() + fetched.rejected() + fetched.misses(), fetched.toString());
        assertTrue(fetched.bytesDownloaded() > 0);
        assertEquals(3, second.list().size(), "stored in the second host's local cache");
    }

    @Test
    void withoutTheCaFileTheServerIsNotTrustedAndNothingFromItIsStored() throws Exception {
        PluginCacheComponent trusting = host("trusting", true);
        assertTrue(start(trusting, "a"));
        trusting.remoteStats();
        long before = objects();
        assertEquals(2, before, server.accessLog());

        PluginCacheComponent untrusting = host("untrusting", false);
        assertTrue(start(untrusting, "a"), "the server's copy is not reachable: compiled here");
        assertTrue(start(untrusting, "b"));
        RemoteStats s = untrusting.remoteStats();
        assertEquals(1, s.errors(), "the refused handshake is one error, then the server is left alone: " + s);
        assertEquals(0, s.hits() + s.uploads(), s.toString());
        assertEquals(0, s.bytesDownloaded(), s.toString());
        assertEquals(before, objects(), "nothing uploaded to an untrusted server");
        List<CacheEntry> local = untrusting.list();
        assertEquals(2, local.size());
        for (CacheEntry e : local) {
            assertEquals(Digests.hex(Fixtures.jar(e.name(), 3)), e.sha256(), "only what this host compiled is stored: " + e);
        }

        RemoteTier direct = new RemoteTier(RemoteSettings.of(server.url(), true), warnings());
        for (String p : List.of("a", "b", "c")) {
            assertTrue(direct.find(RemoteCacheTest.key(untrusting, p), WiringCheck.ANY).isEmpty());
        }
        assertEquals(1, said.size(), "said once: " + said);
        assertTrue(said.get(0).contains("the remote cache " + server.url() + " failed"), said.get(0));
        assertTrue(said.get(0).contains("SSLHandshakeException") || said.get(0).contains("PKIX"), said.get(0));
    }

    @Test
    void theCaFileDoesNotTurnOffHostNameVerification() throws Exception {
        TestCertificates elsewhere = TestCertificates.make(tmp.resolve("tls-elsewhere"), "dns:elsewhere.example");
        try (Nginx misnamed = Nginx.startHttps(tmp.resolve("nginx-elsewhere"), elsewhere)) {
            Map<String, Object> config = Map.of("dir", tmp.resolve("host").toString(), "remoteUrl", misnamed.url(),
                "remoteCaFile", elsewhere.ca().toString());
            PluginCacheComponent host = PluginCacheComponentTest.activated(PluginCacheComponentTest.config(config));
            hosts.add(host);
            assertTrue(start(host, "a"), "a certificate of the trusted CA for another name is refused: compiled here");
            RemoteStats s = host.remoteStats();
            assertEquals(1, s.errors(), s.toString());
            assertEquals(0, s.hits() + s.uploads() + s.bytesDownloaded(), s.toString());
            try (Stream<Path> all = Files.walk(misnamed.data())) {
                assertEquals(0, all.filter(Files::isRegularFile).count(), "nothing uploaded to it");
            }

            RemoteSettings settings = RemoteSettings.of(misnamed.url(), true, RemoteSettings.DEFAULT_TIMEOUT_MILLIS, "",
                elsewhere.ca().toString(), Map.of()).orElseThrow();
            assertTrue(new RemoteTier(settings, warnings()).find(RemoteCacheTest.key(host, "a"), WiringCheck.ANY).isEmpty());
            assertEquals(1, said.size(), said.toString());
            assertTrue(said.get(0).contains("No subject alternative names matching IP address 127.0.0.1"), said.get(0));
        }
    }

    private final List<String> said = new ArrayList<>();

    private Warnings warnings() {
        return (message, cause) -> {
            synchronized (said) {
                said.add(message);
            }
        };
    }
}
