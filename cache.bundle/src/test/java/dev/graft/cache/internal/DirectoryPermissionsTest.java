package dev.graft.cache.internal;

import static dev.graft.cache.internal.Fixtures.build;
import static dev.graft.cache.internal.Fixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.graft.cache.CacheException;
import dev.graft.cache.Lookup;
import dev.graft.cache.MissReason;
import dev.graft.cache.StoreResult;

/** Whoever can write the cache runs code in every reader: a directory others can write is refused. */
class DirectoryPermissionsTest {

    @TempDir
    Path tmp;

    private final Fixtures.RecordedWarnings warnings = new Fixtures.RecordedWarnings();

    @Test
    void newCacheDirectoryIsOwnerOnly() throws Exception {
        Path dir = tmp.resolve("a/b/cache");
        Fixtures.store(StoreSettings.defaults(dir), warnings).put(key("p"), build("p"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void worldWritableDirectoryIsRefused() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("cache"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        CacheStore store = Fixtures.store(StoreSettings.defaults(dir), warnings);

        Lookup found = store.find(key("p"));
        assertEquals(Optional.of(MissReason.UNAVAILABLE), found.reason());
        assertTrue(found.detail().contains("writable by everyone") && found.detail().contains("shared=true"), found.detail());
        StoreResult put = store.put(key("p"), build("p"));
        assertEquals(StoreResult.Outcome.FAILED, put.outcome());
        assertTrue(put.cause().orElseThrow() instanceof CacheException);
        assertThrows(CacheException.class, store::list);
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing was written into it");
        }
        assertEquals(1, warnings.messages.size(), "one clear warning");
    }

    @Test
    void groupWritableEntriesDirectoryIsRefused() throws Exception {
        Path dir = tmp.resolve("cache");
        Fixtures.store(StoreSettings.defaults(dir), warnings).put(key("p"), build("p"));
        Files.setPosixFilePermissions(dir.resolve("entries"), PosixFilePermissions.fromString("rwxrwx---"));
        Lookup found = Fixtures.store(StoreSettings.defaults(dir).asReadOnly(), warnings).find(key("p"));
        assertEquals(Optional.of(MissReason.UNAVAILABLE), found.reason());
        assertTrue(found.detail().contains("its group"), found.detail());
    }

    @Test
    void worldWritableDirectoryIsUsedWhenShared() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("cache"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        CacheStore store = Fixtures.store(StoreSettings.defaults(dir).withShared(true), warnings);
        assertTrue(store.put(key("p"), build("p")).stored());
        assertTrue(store.find(key("p")).isHit());
        assertFalse(warnings.messages.stream().anyMatch(m -> m.contains("refusing")));
    }
}
