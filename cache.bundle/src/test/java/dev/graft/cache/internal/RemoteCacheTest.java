package dev.graft.cache.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.graft.cache.CacheKey;
import dev.graft.cache.Lookup;
import dev.graft.cache.MissReason;
import dev.graft.cache.RemoteStats;
import dev.graft.compiler.Build;
import dev.graft.compiler.CompileOptions;
import dev.graft.testsupport.Nginx;

/**
 * Two hosts, each with its own local cache (the real cache component), sharing a real nginx with
 * WebDAV as their remote cache; and the remote cache failing in every way the issue names. A host
 * "compiles" a plugin when its lookup misses: it then stores (and uploads) the build.
 */
class RemoteCacheTest {

    @TempDir
    Path tmp;

    private Nginx server;
    private final List<PluginCacheComponent> hosts = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = Nginx.start(tmp.resolve("nginx"));
    }

    @AfterEach
    void stop() {
        hosts.forEach(PluginCacheComponent::deactivate);
        server.close();
    }

    private PluginCacheComponent host(String name, String url, Object... more) {
        Map<String, Object> config = new HashMap<>(Map.of("dir", tmp.resolve(name).toString(), "remoteUrl", url));
        for (int i = 0; i < more.length; i += 2) {
            config.put((String) more[i], more[i + 1]);
        }
        PluginCacheComponent host = PluginCacheComponentTest.activated(PluginCacheComponentTest.config(config));
        hosts.add(host);
        return host;
    }

    static CacheKey key(PluginCacheComponent host, String plugin) {
        return host.key(Fixtures.plugin(plugin), CompileOptions.defaults(17));
    }

    /** A build without imports: its wiring holds in the test's empty framework. */
    static Build build(String plugin) {
        return new Fixtures.TestBuild(plugin, Optional.of(Fixtures.jar(plugin, 3)), List.of());
    }

    /** Starts a plugin as the loader does: a hit is used, a miss compiles and stores; true when it compiled. */
    static boolean start(PluginCacheComponent host, String plugin) {
        Lookup found = host.find(key(host, plugin));
        if (found.isHit()) {
            assertArrayEquals(Fixtures.jar(plugin, 3), found.bundle().orElseThrow(), "the bundle of " + plugin);
            return false;
        }
        host.putInBackground(key(host, plugin), build(plugin));
        return true;
    }

    private static List<String> plugins(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("plugin-" + i);
        }
        return names;
    }

    @Test
    void secondHostStartsEveryPluginFromTheRemoteWithoutCompiling() {
        PluginCacheComponent first = host("first", server.url());
        PluginCacheComponent second = host("second", server.url());
        List<String> plugins = plugins(12);

        assertEquals(12, plugins.stream().filter(p -> start(first, p)).count(), "the first host compiles every plugin");
        RemoteStats uploaded = first.remoteStats();
        assertEquals(12, uploaded.uploads(), uploaded.toString());
        assertTrue(uploaded.bytesUploaded() > 0);
        CacheKey one = key(first, "plugin-0");
        assertTrue(Files.isRegularFile(server.data().resolve("ac").resolve(one.value())), server.accessLog());
        assertTrue(Files.isRegularFile(server.data().resolve("cas").resolve(Digests.hex(Fixtures.jar("plugin-0", 3)))));

        assertEquals(0, plugins.stream().filter(p -> start(second, p)).count(), "the second host compiles none");
        RemoteStats fetched = second.remoteStats();
        assertEquals(12, fetched.hits(), fetched.toString());
        assertEquals(0, fetched.misses() + fetched.errors() + fetched.rejected(), fetched.toString());
        assertEquals(0, fetched.uploads(), "nothing compiled, nothing uploaded");
        assertEquals(12, second.list().size(), "the remote hits are stored in the second host's local cache");

        server.close();
        assertEquals(0, plugins.stream().filter(p -> start(second, p)).count(), "and served from there without the server");
        assertEquals(12, second.stats().hits());
    }

    @Test
    void serverStoppedInTheMiddleOfARunCostsCompilesNotTheRun() {
        PluginCacheComponent first = host("first", server.url());
        PluginCacheComponent second = host("second", server.url());
        List<String> plugins = plugins(6);
        plugins.forEach(p -> start(first, p));
        assertEquals(6, first.remoteStats().uploads());

        assertFalse(start(second, "plugin-0"));
        assertFalse(start(second, "plugin-1"));
        server.close();
        for (String p : plugins.subList(2, 6)) {
            assertTrue(start(second, p), p + " is compiled once the server is gone");
        }
        RemoteStats s = second.remoteStats();
        assertEquals(2, s.hits(), s.toString());
        assertEquals(1, s.errors(), "one refused connection; then the remote is left alone: " + s);
        assertEquals(3 + 4, s.skipped(), "three lookups and four uploads not tried: " + s);
        assertEquals(6, second.list().size(), "every plugin is in the local cache, fetched or compiled");
    }

    @Test
    void corruptedCasObjectIsNeverInstalled() throws IOException {
        PluginCacheComponent first = host("first", server.url());
        start(first, "p");
        first.remoteStats();
        Path object = server.data().resolve("cas").resolve(Digests.hex(Fixtures.jar("p", 3)));
        byte[] bytes = Files.readAllBytes(object);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(object, bytes);

        PluginCacheComponent second = host("second", server.url());
        assertTrue(start(second, "p"), "a flipped byte: compiled here");
        RemoteStats s = second.remoteStats();
        assertEquals(1, s.rejected(), s.toString());
        assertEquals(0, s.hits());
        assertArrayEquals(Fixtures.jar("p", 3), second.find(key(second, "p")).bundle().orElseThrow(),
            "the local cache holds the build compiled here, not the corrupt object");
    }

    @Test
    void truncatedOrForeignRecordsAreRejected() throws IOException {
        PluginCacheComponent first = host("first", server.url());
        start(first, "p");
        start(first, "q");
        first.remoteStats();
        Path ac = server.data().resolve("ac");
        CacheKey p = key(first, "p");
        CacheKey q = key(first, "q");
        byte[] record = Files.readAllBytes(ac.resolve(p.value()));
        Files.copy(ac.resolve(q.value()), ac.resolve(p.value()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.write(ac.resolve(q.value()), java.util.Arrays.copyOf(record, record.length - 5));

        PluginCacheComponent second = host("second", server.url());
        assertTrue(start(second, "p"), "the record of q under the key of p is refused");
        assertTrue(start(second, "q"), "a truncated record is refused");
        assertEquals(2, second.remoteStats().rejected());
        assertEquals(0, second.remoteStats().hits());
    }

    @Test
    void recordPointingAtAMissingObjectIsAMiss() throws IOException {
        PluginCacheComponent first = host("first", server.url());
        start(first, "p");
        first.remoteStats();
        Files.delete(server.data().resolve("cas").resolve(Digests.hex(Fixtures.jar("p", 3))));

        PluginCacheComponent second = host("second", server.url(), "remoteReadOnly", true);
        assertTrue(start(second, "p"));
        RemoteStats s = second.remoteStats();
        assertEquals(1, s.misses(), s.toString());
        assertEquals(0, s.errors() + s.rejected() + s.hits(), s.toString());
        assertEquals(0, s.uploads(), "read-only: the compiled build is not uploaded");
        assertFalse(Files.exists(server.data().resolve("cas").resolve(Digests.hex(Fixtures.jar("p", 3)))));
    }

    @Test
    void remoteEntryCompiledAgainstOtherBundlesIsAMiss() {
        PluginCacheComponent first = host("first", server.url());
        CacheKey key = key(first, "p");
        first.put(key, Fixtures.build("p"));
        assertEquals(1, first.remoteStats().uploads());

        PluginCacheComponent second = host("second", server.url());
        Lookup found = second.find(key);
        assertFalse(found.isHit(), "org.osgi.framework is exported by nobody in this framework");
        assertEquals(1, second.remoteStats().misses());
        assertTrue(second.list().isEmpty(), "nothing stale is stored");
    }

    @Test
    void serverThatHangsCostsOneBoundedWait() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            PluginCacheComponent host = host("hung", "http://127.0.0.1:" + silent.getLocalPort() + "/",
                "remoteTimeoutMillis", 200L);
            for (String p : plugins(5)) {
                assertTrue(start(host, p));
            }
            RemoteStats s = host.remoteStats();
            assertEquals(1, s.errors(), "one timeout, then the remote is left alone: " + s);
            assertEquals(4 + 5, s.skipped(), s.toString());
            assertEquals(5, host.list().size());
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void refusedUploadStopsUploadingButNotReading() {
        PluginCacheComponent writer = host("writer", server.url());
        start(writer, "shared");
        writer.remoteStats();

        PluginCacheComponent refused = host("refused", server.readOnlyUrl());
        assertFalse(start(refused, "shared"), "reading through the path that refuses PUT works");
        assertTrue(start(refused, "mine"));
        assertTrue(start(refused, "also-mine"));
        RemoteStats s = refused.remoteStats();
        assertEquals(1, s.uploadsRefused(), "one 403, then no upload is tried: " + s);
        assertEquals(0, s.uploads());
        assertEquals(1, s.hits());
        assertEquals(3, refused.list().size());
    }

    @Test
    void serverErrorIsCountedAndCompiledAround() {
        PluginCacheComponent host = host("broken", server.brokenUrl());
        assertTrue(start(host, "p"));
        RemoteStats s = host.remoteStats();
        assertEquals(1, s.errors(), s.toString());
        assertEquals(Optional.of(MissReason.ABSENT), host.find(key(host, "q")).reason(), "a miss as the local cache says");
    }
}
