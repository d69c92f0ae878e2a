package dev.graft.cache.internal;

import static dev.graft.cache.internal.Fixtures.build;
import static dev.graft.cache.internal.Fixtures.jar;
import static dev.graft.cache.internal.Fixtures.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.graft.cache.CacheEntry;
import dev.graft.cache.CacheKey;
import dev.graft.cache.Lookup;
import dev.graft.cache.MissReason;
import dev.graft.cache.PruneReport;
import dev.graft.cache.StoreResult;
import dev.graft.compiler.CompileOptions;
import dev.graft.compiler.SourcePlugin;

/** Hits, misses, keys, eviction order and the maintenance operations of one store. */
class CacheStoreTest {

    @TempDir
    Path tmp;

    private final Fixtures.RecordedWarnings warnings = new Fixtures.RecordedWarnings();
    private final Fixtures.TickingClock clock = new Fixtures.TickingClock();

    private CacheStore store(int maxEntries) {
        return Fixtures.store(StoreSettings.defaults(tmp.resolve("cache")).withMaxEntries(maxEntries), warnings, clock);
    }

    @Test
    void storedBuildIsAHitWithItsJarAndEntry() {
        CacheStore store = store(10);
        CacheKey key = key("hello");
        StoreResult stored = store.put(key, build("hello"));
        assertEquals(StoreResult.Outcome.STORED, stored.outcome(), stored.detail());

        Lookup found = store.find(key);
        assertTrue(found.isHit(), found.toString());
        assertArrayEquals(jar("hello", 0), found.bundle().orElseThrow());
        CacheEntry entry = found.entry().orElseThrow();
        assertEquals("hello", entry.name());
        assertEquals(key.value(), entry.key());
        assertEquals(Fixtures.WIRING, entry.compiledAgainst());
        assertEquals(Digests.hex(jar("hello", 0)), entry.sha256());
        assertTrue(entry.lastUsed().isAfter(entry.created()), "a hit is a use");
        assertEquals(1, store.stats().hits());
        assertEquals(List.of(), warnings.messages);
    }

    @Test
    void unknownKeyIsAnAbsentMiss() {
        CacheStore store = store(10);
        store.put(key("hello"), build("hello"));
        Lookup found = store.find(key("other"));
        assertEquals(Optional.of(MissReason.ABSENT), found.reason());
        assertEquals(1, store.stats().misses(MissReason.ABSENT));
    }

    @Test
    void keyCoversNamePathsBytesOptionsAndHost() {
        SourcePlugin a = SourcePlugin.of("a", Map.of("src/A.java", "class A {}".getBytes(StandardCharsets.UTF_8)));
        SourcePlugin copied = SourcePlugin.of("b", Map.of("src/A.java", "class A {}".getBytes(StandardCharsets.UTF_8)));
        SourcePlugin renamed = SourcePlugin.of("a", Map.of("src/B.java", "class A {}".getBytes(StandardCharsets.UTF_8)));
        SourcePlugin edited = SourcePlugin.of("a", Map.of("src/A.java", "class A { }".getBytes(StandardCharsets.UTF_8)));
        SourcePlugin split = SourcePlugin.of("a", Map.of("src/A.java", "class A".getBytes(StandardCharsets.UTF_8),
            "src/A.javb", " {}".getBytes(StandardCharsets.UTF_8)));
        CompileOptions o17 = CompileOptions.defaults(17);
        CacheKey base = Digests.key(a, o17, Fixtures.HOST);
        assertEquals(base, Digests.key(a, CompileOptions.defaults(17), Fixtures.HOST), "the key is stable");
        for (CacheKey other : List.of(Digests.key(copied, o17, Fixtures.HOST), Digests.key(renamed, o17, Fixtures.HOST),
            Digests.key(edited, o17, Fixtures.HOST),
            Digests.key(split, o17, Fixtures.HOST), Digests.key(a, CompileOptions.defaults(21), Fixtures.HOST))) {
            assertNotEquals(base.value(), other.value());
            assertNotEquals(base.content(), other.content());
        }
        CacheKey otherHost = Digests.key(a, o17, Fixtures.OTHER_HOST);
        assertEquals(base.content(), otherHost.content());
        assertNotEquals(base.value(), otherHost.value());
    }

    @Test
    void evictionRemovesLeastRecentlyUsedFirst() {
        CacheStore store = store(3);
        for (String name : List.of("a", "b", "c")) {
            store.put(key(name), build(name));
        }
        assertTrue(store.find(key("a")).isHit(), "a is used again, so b is now the least recently used");
        store.put(key("d"), build("d"));
        assertEquals(Optional.of(MissReason.ABSENT), store.find(key("b")).reason(), "b was evicted");
        store.put(key("e"), build("e"));
        assertEquals(Optional.of(MissReason.ABSENT), store.find(key("c")).reason(), "then c");
        for (String name : List.of("a", "d", "e")) {
            assertTrue(store.find(key(name)).isHit(), name + " stays");
        }
        assertEquals(2, store.stats().evictions());
        assertEquals(3, store.stats().entries());
    }

    @Test
    void maxBytesEvictsUntilTheSizeFits() throws Exception {
        CacheStore probe = store(100);
        probe.put(key("probe"), build("probe", 200));
        long entrySize = Files.size(new Layout(tmp.resolve("cache")).entry(key("probe").value()));
        probe.clean();

        StoreSettings settings = new StoreSettings(tmp.resolve("cache"), false, false, false, 100, entrySize * 2 + entrySize / 2);
        CacheStore store = Fixtures.store(settings, warnings);
        for (String name : List.of("a", "b", "c")) {
            store.put(key(name), build(name, 200));
        }
        assertEquals(2, store.stats().entries());
        assertEquals(Optional.of(MissReason.ABSENT), store.find(key("a")).reason());
        assertTrue(store.find(key("c")).isHit());
    }

    @Test
    void aBuildLargerThanMaxBytesIsNotStored() {
        CacheStore store = Fixtures.store(new StoreSettings(tmp.resolve("cache"), false, false, false, 10, 100), warnings);
        StoreResult result = store.put(key("big"), build("big", 50));
        assertEquals(StoreResult.Outcome.NOT_STORABLE, result.outcome());
        assertFalse(Files.exists(tmp.resolve("cache")), "nothing was even opened");
    }

    @Test
    void aFailedBuildIsNotStored() {
        CacheStore store = store(10);
        assertEquals(StoreResult.Outcome.NOT_STORABLE, store.put(key("broken"), Fixtures.failedBuild("broken")).outcome());
        assertEquals(Optional.of(MissReason.ABSENT), store.find(key("broken")).reason());
    }

    @Test
    void staleWiringIsAMissAndARebuildReplacesTheEntry() {
        CacheStore store = Fixtures.store(StoreSettings.defaults(tmp.resolve("cache")), Fixtures.HOST,
            recorded -> recorded.equals(Fixtures.WIRING) ? Optional.of("org.osgi.framework moved") : Optional.empty(), warnings);
        store.put(key("p"), build("p"));
        Lookup stale = store.find(key("p"));
        assertEquals(Optional.of(MissReason.STALE_WIRING), stale.reason());
        assertTrue(stale.detail().contains("org.osgi.framework moved"), stale.detail());

        var rewired = List.of(new dev.graft.compiler.WiredPackage("org.osgi.framework", "org.apache.felix.framework", "7.0.6", "beef"));
        assertEquals(StoreResult.Outcome.STORED, store.put(key("p"), build("p", rewired)).outcome());
        assertTrue(store.find(key("p")).isHit());
        assertEquals(1, store.stats().entries());
    }

    @Test
    void storingAKeyThatIsPresentWritesNothing() throws Exception {
        CacheStore store = store(10);
        store.put(key("p"), build("p"));
        Path file = new Layout(tmp.resolve("cache")).entry(key("p").value());
        Object inode = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        assertEquals(StoreResult.Outcome.ALREADY_PRESENT, store.put(key("p"), build("p")).outcome());
        assertEquals(inode, Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
    }

    @Test
    void listShowsMostRecentlyUsedFirst() {
        CacheStore store = store(10);
        for (String name : List.of("a", "b", "c")) {
            store.put(key(name), build(name));
        }
        store.find(key("a"));
        assertEquals(List.of("a", "c", "b"), store.list().stream().map(CacheEntry::name).toList());
    }

    @Test
    void pruneAppliesLoweredLimitsAndSweepsOrphans() throws Exception {
        CacheStore big = store(10);
        for (String name : List.of("a", "b", "c", "d")) {
            big.put(key(name), build(name));
        }
        CacheStore small = store(2);
        assertTrue(small.find(key("a")).isHit(), "opened, and a is now the most recently used");
        Path orphan = tmp.resolve("cache/entries/" + AtomicFiles.TEMP_PREFIX + "left-behind");
        Files.write(orphan, new byte[10]);
        PruneReport report = small.prune();
        assertEquals(2, report.evicted());
        assertEquals(2, report.entries());
        assertEquals(1, report.sweptFiles());
        assertFalse(Files.exists(orphan));
        assertEquals(Optional.of(MissReason.ABSENT), big.find(key("b")).reason());
        assertEquals(Optional.of(MissReason.ABSENT), big.find(key("c")).reason());
        assertTrue(big.find(key("a")).isHit());
        assertTrue(big.find(key("d")).isHit());
    }

    @Test
    void orphanedTemporaryFilesAreSweptWhenTheCacheOpens() throws Exception {
        store(10).put(key("a"), build("a"));
        Path orphan = tmp.resolve("cache/entries/" + AtomicFiles.TEMP_PREFIX + "left-behind");
        Path orphanIndex = tmp.resolve("cache/" + AtomicFiles.TEMP_PREFIX + "index");
        Files.write(orphan, new byte[10]);
        Files.write(orphanIndex, new byte[10]);
        assertTrue(store(10).find(key("a")).isHit());
        assertEquals(List.of(), Fixtures.temporaryFiles(tmp.resolve("cache")));
    }

    @Test
    void cleanRemovesEveryEntry() {
        CacheStore store = store(10);
        store.put(key("a"), build("a"));
        store.clean();
        assertEquals(Optional.of(MissReason.ABSENT), store.find(key("a")).reason());
        assertEquals(0, store.stats().entries());
        assertTrue(store.verify().clean());
    }

    @Test
    void indexLostAfterACrashIsRebuiltFromTheEntries() throws Exception {
        CacheStore store = store(10);
        store.put(key("a"), build("a"));
        store.put(key("b"), build("b"));
        Files.delete(tmp.resolve("cache/" + IndexFile.FILE_NAME));
        CacheStore next = store(10);
        assertTrue(next.find(key("a")).isHit());
        assertEquals(Map.of(key("a").value(), "a", key("b").value(), "b"),
            IndexFile.read(tmp.resolve("cache")).orElseThrow().values().stream()
                .collect(java.util.stream.Collectors.toMap(IndexFile.Row::key, IndexFile.Row::name)));
    }
}
