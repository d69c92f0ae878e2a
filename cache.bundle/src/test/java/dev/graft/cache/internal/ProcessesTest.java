package dev.graft.cache.internal;

import static dev.graft.cache.internal.Fixtures.build;
import static dev.graft.cache.internal.Fixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.graft.cache.CacheEntry;
import dev.graft.cache.StoreResult;
import dev.graft.cache.VerifyReport;

/** Real second JVMs on one cache directory: races, a writer killed with SIGKILL, and a torture run. */
class ProcessesTest {

    @TempDir
    Path tmp;

    private final Fixtures.RecordedWarnings warnings = new Fixtures.RecordedWarnings();

    private Process start(List<String> properties, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path")));
        command.addAll(properties);
        command.add(CacheProcess.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(tmp.resolve("stderr-" + System.nanoTime() + ".txt").toFile()).start();
    }

    private static BufferedReader out(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    private static String readAll(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private CacheStore parentStore(Path dir, int maxEntries) {
        return Fixtures.store(StoreSettings.defaults(dir).withMaxEntries(maxEntries), warnings);
    }

    @Test
    @Timeout(60)
    void twoProcessesStoringTheSameKeyLeaveOneValidEntry() throws Exception {
        Path dir = tmp.resolve("cache");
        Process a = start(List.of(), "put-at-gate", dir.toString(), "same");
        Process b = start(List.of(), "put-at-gate", dir.toString(), "same");
        BufferedReader outA = out(a);
        BufferedReader outB = out(b);
        assertEquals("ready ABSENT", outA.readLine());
        assertEquals("ready ABSENT", outB.readLine());
        for (Process p : List.of(a, b)) {
            OutputStream in = p.getOutputStream();
            in.write("go\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
        }
        List<String> outcomes = new ArrayList<>(List.of(outA.readLine(), outB.readLine()));
        assertEquals(0, a.waitFor());
        assertEquals(0, b.waitFor());
        outcomes.sort(null);
        assertEquals(List.of(StoreResult.Outcome.ALREADY_PRESENT.name(), StoreResult.Outcome.STORED.name()), outcomes,
            "one wrote, the other found it under the lock");

        CacheStore store = parentStore(dir, 100);
        assertEquals(List.of(key("same").value()), store.list().stream().map(CacheEntry::key).toList());
        assertEquals(1, IndexFile.read(dir).orElseThrow().size());
        assertTrue(store.verify().clean());
        assertTrue(store.find(key("same")).isHit());
    }

    @Test
    @Timeout(60)
    void writerKilledInTheMiddleOfAnEntryLeavesTheCacheConsistentAndUnlocked() throws Exception {
        Path dir = tmp.resolve("cache");
        assertTrue(parentStore(dir, 100).put(key("before"), build("before")).stored());
        Map<String, String> index = indexNames(dir);

        killInTheMiddleOf(dir, AtomicFiles.ENTRY_WRITE);

        CacheStore next = parentStore(dir, 100);
        assertTrue(next.lock().isFree(), "the kernel released the dead writer's lock");
        assertTrue(next.find(key("before")).isHit());
        assertEquals(List.of(), Fixtures.temporaryFiles(dir), "the half-written file was swept on open");
        assertEquals(index, indexNames(dir), "the killed store left no trace in the index");
        assertEquals(1, next.verify().checked());
        assertTrue(next.verify().clean());
        assertTrue(next.put(key("victim"), build("victim")).stored(), "and the next writer gets the lock");
        assertTrue(next.find(key("victim")).isHit());
    }

    @Test
    @Timeout(60)
    void writerKilledInTheMiddleOfTheIndexLeavesTheCacheConsistentAndUnlocked() throws Exception {
        Path dir = tmp.resolve("cache");
        assertTrue(parentStore(dir, 100).put(key("before"), build("before")).stored());

        killInTheMiddleOf(dir, AtomicFiles.INDEX_WRITE);

        CacheStore next = parentStore(dir, 100);
        assertTrue(next.lock().isFree());
        assertTrue(next.find(key("victim")).isHit(), "the entry was renamed into place before the kill, so it counts");
        assertEquals(List.of(), Fixtures.temporaryFiles(dir));
        assertEquals(Map.of(key("before").value(), "before", key("victim").value(), "victim"), indexNames(dir),
            "the index was reconciled with the entries on open");
        VerifyReport report = next.verify();
        assertEquals(2, report.checked());
        assertTrue(report.clean(), report.bad().toString());
    }

    private void killInTheMiddleOf(Path dir, String point) throws Exception {
        Process writer = start(List.of("-D" + PausingOutput.PROPERTY + "=" + point), "put", dir.toString(), "victim");
        assertEquals("graft.cache paused at " + point, out(writer).readLine());
        assertFalse(Fixtures.temporaryFiles(dir).isEmpty(), "a half-written temporary file exists at the pause");
        assertFalse(new DirectoryLock(dir).isFree(), "the paused writer holds the lock");
        writer.destroyForcibly();
        assertTrue(writer.waitFor(10, TimeUnit.SECONDS));
        assertEquals(137, writer.exitValue(), "killed by SIGKILL");
    }

    private static Map<String, String> indexNames(Path dir) throws IOException {
        Map<String, String> names = new java.util.TreeMap<>();
        IndexFile.read(dir).orElseThrow().values().forEach(r -> names.put(r.key(), r.name()));
        return names;
    }

    @Test
    @Timeout(120)
    void fourProcessesOfRandomOperationsLeaveNoBadEntryAndNoFailedOperation() throws Exception {
        Path dir = tmp.resolve("cache");
        int maxEntries = 20;
        List<Process> processes = new ArrayList<>();
        for (int seed = 1; seed <= 4; seed++) {
            processes.add(start(List.of(), "torture", dir.toString(), Integer.toString(seed), "200", Integer.toString(maxEntries)));
        }
        List<String> reports = new ArrayList<>();
        for (Process p : processes) {
            String output = readAll(p);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            reports.add(output.strip());
            assertEquals(0, p.exitValue(), output);
        }
        for (String report : reports) {
            assertTrue(report.startsWith("done failures=0 "), report);
        }
        CacheStore store = parentStore(dir, maxEntries);
        VerifyReport report = store.verify();
        assertTrue(report.clean(), report.bad().toString());
        assertTrue(report.checked() > 0 && report.checked() <= maxEntries, "entries: " + report.checked());
        assertEquals(report.checked(), IndexFile.read(dir).orElseThrow().size(), "the index agrees with the entries");
        assertEquals(List.of(), Fixtures.temporaryFiles(dir));
        assertTrue(new DirectoryLock(dir).isFree());
        System.out.println("torture: " + reports);
    }
}
