package dev.graft.cache.internal;

import static dev.graft.cache.internal.Fixtures.build;
import static dev.graft.cache.internal.Fixtures.jar;
import static dev.graft.cache.internal.Fixtures.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.graft.cache.CacheException;
import dev.graft.cache.Lookup;
import dev.graft.cache.MissReason;
import dev.graft.cache.StoreResult;

/** A read-only cache (for example pre-warmed into an image) serves hits and never writes. */
class ReadOnlyTest {

    @TempDir
    Path tmp;

    private final Fixtures.RecordedWarnings warnings = new Fixtures.RecordedWarnings();

    @AfterEach
    void writableAgainForCleanUp() throws Exception {
        try (Stream<Path> all = Files.walk(tmp)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isDirectory(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
                }
            }
        }
    }

    private Path prewarmed() throws Exception {
        Path dir = tmp.resolve("image-cache");
        CacheStore writer = Fixtures.store(StoreSettings.defaults(dir), warnings);
        writer.put(key("a"), build("a"));
        writer.put(key("b"), build("b"));
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isDirectory(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r-x------"));
                }
            }
        }
        return dir;
    }

    @Test
    void readOnlyDirectoryServesHitsAndWritesNothing() throws Exception {
        Path dir = prewarmed();
        Map<String, String> before = Fixtures.snapshot(dir);
        CacheStore store = Fixtures.store(StoreSettings.defaults(dir).asReadOnly(), warnings);

        Lookup hit = store.find(key("a"));
        assertTrue(hit.isHit(), hit.toString());
        assertArrayEquals(jar("a", 0), hit.bundle().orElseThrow());
        assertEquals(Optional.of(MissReason.ABSENT), store.find(key("c")).reason());
        assertEquals(StoreResult.Outcome.READ_ONLY, store.put(key("c"), build("c")).outcome());
        assertEquals(2, store.list().size());
        assertTrue(store.verify().clean());
        assertThrows(CacheException.class, store::prune);
        assertThrows(CacheException.class, store::clean);

        assertEquals(before, Fixtures.snapshot(dir), "not a byte, not a time stamp changed");
        assertEquals(List.of(), warnings.messages);
    }

    @Test
    void readOnlyCacheThatDoesNotExistIsEmptyAndStaysAbsent() {
        Path dir = tmp.resolve("never-made");
        CacheStore store = Fixtures.store(StoreSettings.defaults(dir).asReadOnly(), warnings);
        assertEquals(Optional.of(MissReason.ABSENT), store.find(key("a")).reason());
        assertEquals(List.of(), store.list());
        assertFalse(Files.exists(dir));
    }
}
