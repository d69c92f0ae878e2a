package dev.graft.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.graft.cache.RemoteStats;
import dev.graft.compiler.CompileOptions;

/**
 * The remote cache's counters outlive the process that counted them: recorded in the cache
 * directory, summed over processes (two at once included), read by a later process without a remote
 * cache of its own, reset by a clean.
 */
class RemoteStatsRecordTest {

    @TempDir
    Path tmp;

    private final Fixtures.RecordedWarnings warnings = new Fixtures.RecordedWarnings();

    /** A URL where nothing listens: every lookup is one refused connection (an error), then skipped. */
    private String closedPort() throws Exception {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + free.getLocalPort() + "/";
        }
    }

    private static PluginCacheComponent host(Path dir, String url) {
        Map<String, Object> config = new HashMap<>(Map.of("dir", dir.toString()));
        if (url != null) {
            config.put("remoteUrl", url);
        }
        return PluginCacheComponentTest.activated(PluginCacheComponentTest.config(config));
    }

    private static void lookUp(PluginCacheComponent host, String plugin) {
        assertFalse(host.find(host.key(Fixtures.plugin(plugin), CompileOptions.defaults(17))).isHit());
    }

    @Test
    void countersOfStoppedProcessesAreSummedAndShownWithoutARemoteCacheOfItsOwn() throws Exception {
        Path dir = tmp.resolve("cache");
        String down = closedPort();
        PluginCacheComponent first = host(dir, down);
        lookUp(first, "a");
        lookUp(first, "b");
        assertEquals(1, first.remoteStats().errors());
        assertEquals(1, first.remoteStats().skipped());
        first.deactivate();

        PluginCacheComponent second = host(dir, down);
        lookUp(second, "a");
        second.deactivate();

        PluginCacheComponent later = host(dir, null);
        List<RemoteStats> recorded = later.recordedRemoteStats();
        assertEquals(1, recorded.size(), recorded.toString());
        RemoteStats s = recorded.get(0);
        assertEquals(down, s.url());
        assertEquals(2, s.errors(), "one error of each process: " + s);
        assertEquals(1, s.skipped(), s.toString());
        assertFalse(s.readOnly(), "the processes could upload");
        assertTrue(later.remoteStats().url().isEmpty(), "this process has no remote cache");

        later.clean();
        assertEquals(List.of(), later.recordedRemoteStats(), "a clean resets the counters");
        assertFalse(Files.exists(dir.resolve(RemoteStatsFile.FILE_NAME)));
        later.deactivate();
    }

    @Test
    void aRunningProcessRecordsWhatItCountedAndShowsWhatItHasNotYet() throws Exception {
        Path dir = tmp.resolve("cache");
        String down = closedPort();
        PluginCacheComponent running = host(dir, down);
        lookUp(running, "a");
        List<RemoteStats> seen = running.recordedRemoteStats();
        assertEquals(1, seen.get(0).errors(), seen.toString());
        assertEquals(1, RemoteStatsFile.read(dir).get(0).errors(), "asking recorded it in the directory");

        PluginCacheComponent other = host(dir, null);
        assertEquals(1, other.recordedRemoteStats().get(0).errors(), "another process sees it");
        other.deactivate();
        running.deactivate();
        assertEquals(1, RemoteStatsFile.read(dir).get(0).errors(), "stopping adds nothing twice");
    }

    @Test
    @Timeout(60)
    void aRunningProcessWritesItsCountersSoonWithoutBeingAsked() throws Exception {
        Path dir = tmp.resolve("cache");
        PluginCacheComponent running = host(dir, closedPort());
        lookUp(running, "a");
        while (!Files.exists(dir.resolve(RemoteStatsFile.FILE_NAME))) {
            Thread.sleep(50);
        }
        assertEquals(1, RemoteStatsFile.read(dir).get(0).errors(), "written by the recorder's thread");
        running.deactivate();
    }

    @Test
    void anotherHostWipingTheEntriesKeepsTheCounters() throws Exception {
        Path dir = tmp.resolve("cache");
        CacheStore store = Fixtures.store(StoreSettings.defaults(dir), warnings);
        store.find(Fixtures.key("opens-the-cache"));
        RemoteStats counted = new RemoteStats("http://h/", false, 1, 2, 0, 0, 0, 2, 0, 5, 6);
        assertTrue(store.recordRemote(counted));
        CacheStore otherHost = Fixtures.store(StoreSettings.defaults(dir), "another host", WiringCheck.ANY, warnings);
        otherHost.find(Fixtures.key("opens-the-cache"));
        assertTrue(warnings.messages.stream().anyMatch(m -> m.contains("written by another host")), warnings.messages.toString());
        assertEquals(List.of(counted), otherHost.recordedRemote(), "only a clean resets them");
        otherHost.clean();
        assertEquals(List.of(), otherHost.recordedRemote());
    }

    @Test
    void aReadOnlyCacheRecordsNothingButShowsItsOwnCounts() throws Exception {
        Path dir = tmp.resolve("cache");
        String down = closedPort();
        host(dir, null).clean();
        Map<String, Object> config = new HashMap<>(Map.of("dir", dir.toString(), "remoteUrl", down, "readOnly", true));
        PluginCacheComponent readOnly = PluginCacheComponentTest.activated(PluginCacheComponentTest.config(config));
        lookUp(readOnly, "a");
        assertEquals(1, readOnly.recordedRemoteStats().get(0).errors());
        readOnly.deactivate();
        assertFalse(Files.exists(dir.resolve(RemoteStatsFile.FILE_NAME)), "a read-only cache is never written");
    }

    @Test
    void garbageIsNamedWithItsLineAndTheCountersStartAgain() throws Exception {
        Path dir = tmp.resolve("cache");
        CacheStore store = Fixtures.store(StoreSettings.defaults(dir), warnings);
        store.find(Fixtures.key("opens-the-cache"));
        Files.writeString(dir.resolve(RemoteStatsFile.FILE_NAME), "graft-remote-stats 1\nhttp://h/\ttrue\t1\t2\n");
        assertEquals(List.of(), store.recordedRemote());
        assertEquals(1, warnings.messages.size(), warnings.messages.toString());
        assertTrue(warnings.messages.get(0).contains(RemoteStatsFile.FILE_NAME + ":2: expected a URL"), warnings.messages.get(0));

        assertTrue(store.recordRemote(new RemoteStats("http://h/", true, 3, 0, 0, 0, 0, 0, 0, 0, 0)));
        assertEquals(List.of(new RemoteStats("http://h/", true, 3, 0, 0, 0, 0, 0, 0, 0, 0)), store.recordedRemote());
        assertTrue(warnings.messages.get(1).contains("start again from zero"), warnings.messages.toString());
    }

    @Test
    @Timeout(120)
    void twoProcessesRecordingAtOnceLoseNoCount() throws Exception {
        Path dir = tmp.resolve("cache");
        int each = 100;
        List<Process> started = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                started.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), CacheProcess.class.getName(),
                    "count-remote", dir.toString(), "http://cache.internal/graft/", Integer.toString(each))
                    .redirectError(tmp.resolve("stderr-" + i + ".txt").toFile()).start());
            }
            List<BufferedReader> outs = new ArrayList<>();
            for (Process p : started) {
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("ready", out.readLine());
                outs.add(out);
            }
            for (Process p : started) {
                OutputStream in = p.getOutputStream();
                in.write("go\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
            for (int i = 0; i < 2; i++) {
                assertEquals("recorded " + each, outs.get(i).readLine());
                assertEquals(0, started.get(i).waitFor(), Files.readString(tmp.resolve("stderr-" + i + ".txt")));
            }
        } finally {
            started.forEach(Process::destroyForcibly);
        }
        List<RemoteStats> recorded = RemoteStatsFile.read(dir);
        assertEquals(List.of(new RemoteStats("http://cache.internal/graft/", true, 2 * each, 0, 0, 0, 0, 0, 0, 20 * each, 0)),
            recorded);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX)).toList(),
                "no temporary file is left");
        }
    }
}
