package dev.graft.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import dev.graft.cache.CacheEntry;
import dev.graft.cache.CacheKey;
import dev.graft.cache.RemoteStats;

/** The remote part of the configuration, the record format, credentials on the wire, and the one warning. */
class RemoteSettingsTest {

    @TempDir
    Path tmp;

    @Test
    void noUrlNoRemote() {
        assertEquals(Optional.empty(), RemoteSettings.of(" ", false, 2000, "", "", Map.of()));
    }

    @Test
    void credentialsComeFromTheEnvironmentOrAFileNeverTheUrl() throws Exception {
        assertEquals(Optional.of("Bearer t0k"),
            RemoteSettings.of("http://h/c", false, 2000, "", "", Map.of(RemoteSettings.TOKEN_VARIABLE, "t0k")).orElseThrow().authorization());
        assertEquals(Optional.of("Basic " + Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8))),
            RemoteSettings.of("http://h/c", false, 2000, "", "", Map.of(RemoteSettings.BASIC_VARIABLE, "u:p")).orElseThrow().authorization());
        Path file = Files.writeString(tmp.resolve("credentials"), "Bearer from-file\n");
        assertEquals(Optional.of("Bearer from-file"), RemoteSettings.of("http://h/c", false, 2000, file.toString(), "",
            Map.of(RemoteSettings.TOKEN_VARIABLE, "t0k")).orElseThrow().authorization(), "the file wins");
        assertEquals("http://h/c/", RemoteSettings.of("http://h/c", true).base().toString());

        IllegalArgumentException inUrl = assertThrows(IllegalArgumentException.class,
            () -> RemoteSettings.of("https://u:secret@h/", false, 2000, "", "", Map.of()));
        assertTrue(inUrl.getMessage().contains("carries credentials") && !inUrl.getMessage().contains("secret"), inUrl.getMessage());
        Path bad = Files.writeString(tmp.resolve("bad"), "just-a-word\n");
        IllegalArgumentException badFile = assertThrows(IllegalArgumentException.class,
            () -> RemoteSettings.of("http://h/", false, 2000, bad.toString(), "", Map.of()));
        assertEquals(bad + ":1: expected 'Bearer TOKEN' or 'user:password'", badFile.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RemoteSettings.of("ftp://h/", false, 2000, "", "", Map.of()));
    }

    @Test
    void recordRoundTripsAndRejectsAFlippedByte() throws Exception {
        CacheKey key = Fixtures.key("p");
        CacheEntry entry = CacheStore.entryOf(key, Fixtures.build("p"), java.time.Instant.ofEpochMilli(1000));
        byte[] record = EntryFile.encodeRecord(entry);
        assertEquals(entry, EntryFile.decodeRecord(record));
        record[20] ^= 1;
        assertThrows(EntryFile.Corrupt.class, () -> EntryFile.decodeRecord(record));
        assertThrows(EntryFile.Corrupt.class, () -> EntryFile.decodeRecord("<html>404</html>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theAuthorizationHeaderIsSentAndAFailingRemoteIsWarnedAboutOnce() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> seen = new ArrayList<>();
        server.createContext("/", exchange -> {
            synchronized (seen) {
                seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            }
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        try {
            List<String> warnings = new ArrayList<>();
            long[] now = { 0 };
            RemoteSettings settings = RemoteSettings.of("http://127.0.0.1:" + server.getAddress().getPort() + "/cache", false, 2000,
                "", "", Map.of(RemoteSettings.TOKEN_VARIABLE, "s3cret")).orElseThrow();
            RemoteTier tier = new RemoteTier(settings, new RemoteClient(settings), (m, c) -> warnings.add(m), () -> now[0]);
            CacheKey key = Fixtures.key("p");
            assertEquals(Optional.empty(), tier.find(key, WiringCheck.ANY));
            assertEquals(Optional.empty(), tier.find(key, WiringCheck.ANY), "left alone after a 5xx");
            now[0] += RemoteTier.PAUSE_NANOS;
            assertEquals(Optional.empty(), tier.find(key, WiringCheck.ANY), "tried again after the pause");
            RemoteStats s = tier.stats();
            assertEquals(2, s.errors(), s.toString());
            assertEquals(1, s.skipped(), s.toString());
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("answered 500") && !warnings.get(0).contains("s3cret"), warnings.get(0));
            assertEquals(List.of("GET /cache/ac/" + key.value() + " Bearer s3cret", "GET /cache/ac/" + key.value() + " Bearer s3cret"), seen);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aCaFileWithoutCertificatesIsRefusedNamingIt() throws Exception {
        Path empty = Files.writeString(tmp.resolve("ca.pem"), "not a certificate\n");
        RemoteSettings settings = RemoteSettings.of("https://h/", false, 2000, "", empty.toString(), Map.of()).orElseThrow();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RemoteTier(settings, (m, c) -> { }));
        assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
    }
}
