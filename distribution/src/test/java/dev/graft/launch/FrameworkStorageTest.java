package dev.graft.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
