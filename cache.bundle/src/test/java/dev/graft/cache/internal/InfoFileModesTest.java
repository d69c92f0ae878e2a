package dev.graft.cache.internal;

import static dev.graft.cache.internal.Fixtures.HOST;
import static dev.graft.cache.internal.Fixtures.OTHER_HOST;
import static dev.graft.cache.internal.Fixtures.build;
import static dev.graft.cache.internal.Fixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.graft.cache.CacheException;
import dev.graft.cache.Lookup;
import dev.graft.cache.MissReason;
import dev.graft.cache.StoreResult;

/** What a cache written by another host, or with a garbage info file, does in each mode. */
class InfoFileModesTest {

    @TempDir
    Path tmp;

    private Path dir;
    private final Fixtures.RecordedWarnings warnings = new Fixtures.RecordedWarnings();

    @BeforeEach
    void cacheWrittenByTheOtherHost() {
        dir = tmp.resolve("cache");
        CacheStore old = Fixtures.store(StoreSettings.defaults(dir), OTHER_HOST, WiringCheck.ANY, warnings);
        assertTrue(old.put(key("p", OTHER_HOST), build("p")).stored());
        warnings.messages.clear();
    }

    private CacheStore open(StoreSettings settings, WiringCheck wiring) {
        return Fixtures.store(settings, HOST, wiring, warnings);
    }

    @Test
    void writableCacheOfAnotherHostIsWiped() throws Exception {
        CacheStore store = open(StoreSettings.defaults(dir), WiringCheck.ANY);
        assertEquals(Optional.of(MissReason.ABSENT), store.find(key("p")).reason());
        assertEquals(0, store.stats().entries(), "the old entries are gone");
        assertEquals(Optional.of(new InfoFile.Info(InfoFile.FORMAT, HOST)), InfoFile.read(dir));
        assertEquals(1, warnings.messages.size(), warnings.messages.toString());
        assertTrue(warnings.messages.get(0).contains("another host"), warnings.messages.get(0));
    }

    @Test
    void readOnlyCacheOfAnotherHostIsSkippedAndLeftAlone() throws Exception {
        Map<String, String> before = Fixtures.snapshot(dir);
        CacheStore store = open(StoreSettings.defaults(dir).asReadOnly(), WiringCheck.ANY);
        Lookup found = store.find(key("p"));
        assertEquals(Optional.of(MissReason.OTHER_HOST), found.reason());
        assertTrue(found.detail().contains("skipped"), found.detail());
        assertEquals(before, Fixtures.snapshot(dir));
        assertEquals(1, warnings.messages.size());
    }

    @Test
    void tryOldKeepsTheEntriesAndReusesThoseWhoseWiringHolds() throws Exception {
        CacheStore store = open(StoreSettings.defaults(dir).tryingOldCache(), WiringCheck.ANY);
        Lookup found = store.find(key("p"));
        assertTrue(found.isHit(), found.toString());
        assertEquals(OTHER_HOST, found.entry().orElseThrow().host());
        assertEquals(Optional.of(new InfoFile.Info(InfoFile.FORMAT, HOST)), InfoFile.read(dir), "the cache now belongs to this host");
    }

    @Test
    void tryOldStillMissesWhenTheWiringChanged() {
        CacheStore store = open(StoreSettings.defaults(dir).tryingOldCache(), recorded -> Optional.of("moved"));
        assertEquals(Optional.of(MissReason.STALE_WIRING), store.find(key("p")).reason());
        assertEquals(1, store.stats().entries(), "the entry is kept");
    }

    @Test
    void tryOldWorksOnAReadOnlyCacheToo() throws Exception {
        Map<String, String> before = Fixtures.snapshot(dir);
        CacheStore store = open(StoreSettings.defaults(dir).asReadOnly().tryingOldCache(), WiringCheck.ANY);
        assertTrue(store.find(key("p")).isHit());
        assertEquals(before, Fixtures.snapshot(dir));
    }

    @Test
    void garbageInfoFileIsRebuiltWhenWritable() throws Exception {
        Files.write(dir.resolve(InfoFile.FILE_NAME), "\0\0garbage".getBytes(StandardCharsets.UTF_8));
        CacheStore store = open(StoreSettings.defaults(dir), WiringCheck.ANY);
        assertEquals(Optional.of(MissReason.ABSENT), store.find(key("p")).reason());
        assertEquals(Optional.of(new InfoFile.Info(InfoFile.FORMAT, HOST)), InfoFile.read(dir));
        assertTrue(store.put(key("p"), build("p")).stored());
        assertTrue(store.find(key("p")).isHit());
        assertEquals(1, warnings.messages.size());
        assertTrue(warnings.messages.get(0).contains("rebuilt"), warnings.messages.get(0));
    }

    @Test
    void garbageInfoFileIsAnErrorWhenReadOnly() throws Exception {
        Files.write(dir.resolve(InfoFile.FILE_NAME), "garbage".getBytes(StandardCharsets.UTF_8));
        Map<String, String> before = Fixtures.snapshot(dir);
        CacheStore store = open(StoreSettings.defaults(dir).asReadOnly(), WiringCheck.ANY);
        Lookup found = store.find(key("p"));
        assertEquals(Optional.of(MissReason.UNAVAILABLE), found.reason());
        assertTrue(found.detail().contains("cannot be rebuilt"), found.detail());
        CacheException error = assertThrows(CacheException.class, store::list);
        assertTrue(error.getMessage().contains(InfoFile.FILE_NAME), error.getMessage());
        assertEquals(1, warnings.messages.size(), "reported once, not on every lookup");
        assertEquals(before, Fixtures.snapshot(dir));
    }

    @Test
    void aPutAfterAnotherHostTookTheCacheOverIsRefused() throws Exception {
        CacheStore store = open(StoreSettings.defaults(dir), WiringCheck.ANY);
        store.find(key("p"));
        CacheStore other = Fixtures.store(StoreSettings.defaults(dir), OTHER_HOST, WiringCheck.ANY, warnings);
        other.find(key("p", OTHER_HOST));
        StoreResult result = store.put(key("q"), build("q"));
        assertEquals(StoreResult.Outcome.FAILED, result.outcome());
        assertFalse(Files.exists(new Layout(dir).entry(key("q").value())));
    }
}
