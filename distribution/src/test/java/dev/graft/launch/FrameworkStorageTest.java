package dev.graft.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkStorageTest {

    private static final Path MEMORY = Path.of("/memory");

    @TempDir
    Path runtime;

    @Test
    void theUsersRuntimeFolderHoldsTheStorageWhenTheTemporaryFolderIsTheDefault() {
        assertEquals(runtime, FrameworkStorage.parent(runtime.toString(), "/tmp", MEMORY));
        assertEquals(runtime, FrameworkStorage.parent(runtime.toString(), "/tmp/", MEMORY));
    }

    @Test
    void aTemporaryFolderSetOnTheCommandLineWins() {
        assertEquals(Path.of("/var/tmp/mine"), FrameworkStorage.parent(runtime.toString(), "/var/tmp/mine", MEMORY));
    }

    @Test
    void withoutAUsableRuntimeFolderTheStorageGoesToMemory() {
        assertEquals(MEMORY, FrameworkStorage.parent(null, "/tmp", MEMORY));
        assertEquals(MEMORY, FrameworkStorage.parent(runtime.resolve("missing").toString(), "/tmp", MEMORY));
    }

    @Test
    void onlyAWritableInMemoryFileSystemCountsAsMemory() throws Exception {
        assertNull(FrameworkStorage.inMemory(runtime.resolve("missing")));
        if (!Files.getFileStore(runtime).type().equals("tmpfs")) {
            assertNull(FrameworkStorage.inMemory(runtime), "a folder on " + Files.getFileStore(runtime).type());
        }
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.getFileStore(shm).type().equals("tmpfs")
            && Files.getFileStore(shm).getUsableSpace() >= FrameworkStorage.MEMORY_ROOM_BYTES) {
            assertEquals(shm, FrameworkStorage.inMemory(shm));
        }
    }

    @Test
    void withoutAUsableRuntimeFolderOrMemoryTheStorageGoesToTheTemporaryFolder() {
        assertEquals(Path.of("/tmp"), FrameworkStorage.parent(null, "/tmp", null));
        assertEquals(Path.of("/tmp"), FrameworkStorage.parent("", "/tmp", null));
        assertEquals(Path.of("/tmp"), FrameworkStorage.parent(runtime.resolve("missing").toString(), "/tmp", null));
        assertEquals(Path.of("/tmp"), FrameworkStorage.parent("relative/dir", "/tmp", null));
    }

    private Path storage(String name, long pid) throws Exception {
        Path dir = Files.createDirectory(runtime.resolve(FrameworkStorage.PREFIX + name));
        Files.writeString(dir.resolve("graft.pid"), Long.toString(pid));
        Files.writeString(Files.createDirectories(dir.resolve("bundle1")).resolve("bundle.info"), "x");
        return dir;
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void storageOfAProcessThatIsGoneIsRemoved() throws Exception {
        Path orphan = storage("orphan", deadPid());
        FrameworkStorage.sweepOrphans(runtime);
        assertFalse(Files.exists(orphan));
        try (var left = Files.list(runtime)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void storageOfALiveProcessIsKept() throws Exception {
        Path live = storage("live", ProcessHandle.current().pid());
        FrameworkStorage.sweepOrphans(runtime);
        assertTrue(Files.exists(live.resolve("bundle1/bundle.info")));
    }

    @Test
    void storageWhoseProcessIdNowBelongsToALaterProcessIsRemoved() throws Exception {
        Path reused = storage("reused", ProcessHandle.current().pid());
        Instant before = ProcessHandle.current().info().startInstant().orElseThrow().minusSeconds(3600);
        Files.setLastModifiedTime(reused.resolve("graft.pid"), FileTime.from(before));
        FrameworkStorage.sweepOrphans(runtime);
        assertFalse(Files.exists(reused));
    }

    @Test
    void storageWithoutAnOwnerIsKeptAsBeingMade() throws Exception {
        Path making = Files.createDirectory(runtime.resolve(FrameworkStorage.PREFIX + "making"));
        FrameworkStorage.sweepOrphans(runtime);
        assertTrue(Files.exists(making));
    }

    @Test
    void whatIsLeftOfAClaimedOrphanIsRemoved() throws Exception {
        Path claimed = Files.createDirectories(runtime.resolve(FrameworkStorage.CLAIMED_PREFIX + "half/bundle3"));
        FrameworkStorage.sweepOrphans(runtime);
        assertFalse(Files.exists(claimed.getParent()));
    }

    @Test
    void everyPlaceALauncherUsesIsSwept() throws Exception {
        Path memory = Files.createDirectory(runtime.resolve("memory"));
        Path tmpdir = Files.createDirectory(runtime.resolve("tmpdir"));
        assertEquals(List.of(runtime, memory, tmpdir, Path.of("/tmp")),
            List.copyOf(FrameworkStorage.places(runtime.toString(), tmpdir.toString(), memory)));
        assertEquals(List.of(memory, Path.of("/tmp")), List.copyOf(FrameworkStorage.places(null, "/tmp", memory)));
    }
}
