package dev.graft.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkStorageTest {

    @TempDir
    Path runtime;

    @Test
    void theUsersRuntimeFolderHoldsTheStorageWhenTheTemporaryFolderIsTheDefault() {
        assertEquals(runtime, FrameworkStorage.parent(runtime.toString(), "/tmp"));
        assertEquals(runtime, FrameworkStorage.parent(runtime.toString(), "/tmp/"));
    }

    @Test
    void aTemporaryFolderSetOnTheCommandLineWins() {
        assertEquals(Path.of("/var/tmp/mine"), FrameworkStorage.parent(runtime.toString(), "/var/tmp/mine"));
    }

    @Test
    void withoutAUsableRuntimeFolderTheStorageGoesToTheTemporaryFolder() {
        assertEquals(Path.of("/tmp"), FrameworkStorage.parent(null, "/tmp"));
        assertEquals(Path.of("/tmp"), FrameworkStorage.parent("", "/tmp"));
        assertEquals(Path.of("/tmp"), FrameworkStorage.parent(runtime.resolve("missing").toString(), "/tmp"));
        assertEquals(Path.of("/tmp"), FrameworkStorage.parent("relative/dir", "/tmp"));
    }
}
