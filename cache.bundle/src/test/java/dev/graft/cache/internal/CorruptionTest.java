package dev.graft.cache.internal;

import static dev.graft.cache.internal.Fixtures.build;
import static dev.graft.cache.internal.Fixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.graft.cache.Lookup;
import dev.graft.cache.MissReason;
import dev.graft.cache.VerifyReport;

/** Damaged entries are detected on read, quarantined, counted as misses, and never handed out. */
class CorruptionTest {

    @TempDir
    Path tmp;

    private Path dir;
    private Path entry;
    private final Fixtures.RecordedWarnings warnings = new Fixtures.RecordedWarnings();

    @BeforeEach
    void oneEntry() {
        dir = tmp.resolve("cache");
        Fixtures.store(StoreSettings.defaults(dir), warnings).put(key("p"), build("p"));
        entry = new Layout(dir).entry(key("p").value());
    }

    private void damage(java.util.function.UnaryOperator<byte[]> how) throws IOException {
        Files.write(entry, how.apply(Files.readAllBytes(entry)));
    }

    private void assertDetectedAndQuarantined() throws IOException {
        CacheStore store = Fixtures.store(StoreSettings.defaults(dir), warnings);
        Lookup found = store.find(key("p"));
        assertEquals(Optional.of(MissReason.CORRUPT), found.reason(), found.toString());
        assertTrue(found.bundle().isEmpty(), "no bytes of a bad entry are handed out");
        assertFalse(Files.exists(entry), "moved away");
        try (var quarantined = Files.list(new Layout(dir).quarantine())) {
            assertEquals(1, quarantined.count());
        }
        assertEquals(1, store.stats().quarantined());
        assertEquals(1, store.stats().misses(MissReason.CORRUPT));
        assertEquals(Optional.of(MissReason.ABSENT), store.find(key("p")).reason(), "then simply absent");
        assertTrue(store.put(key("p"), build("p")).stored(), "and stored again");
        assertTrue(store.find(key("p")).isHit());
        assertEquals(1, warnings.messages.size(), warnings.messages.toString());
    }

    @Test
    void truncatedEntryIsQuarantined() throws IOException {
        damage(b -> Arrays.copyOf(b, b.length / 2));
        assertDetectedAndQuarantined();
    }

    @Test
    void zeroedEntryIsQuarantined() throws IOException {
        damage(b -> new byte[b.length]);
        assertDetectedAndQuarantined();
    }

    @Test
    void bitFlippedEntryIsQuarantined() throws IOException {
        damage(b -> {
            b[b.length / 2] ^= 0x10;
            return b;
        });
        assertDetectedAndQuarantined();
    }

    @Test
    void emptyEntryIsQuarantined() throws IOException {
        damage(b -> new byte[0]);
        assertDetectedAndQuarantined();
    }

    @Test
    void entryRenamedToAnotherKeyIsQuarantined() throws IOException {
        CacheStore store = Fixtures.store(StoreSettings.defaults(dir), warnings);
        assertTrue(store.find(key("p")).isHit(), "opened");
        Files.move(entry, new Layout(dir).entry(key("q").value()));
        Lookup found = store.find(key("q"));
        assertEquals(Optional.of(MissReason.CORRUPT), found.reason());
        assertTrue(found.detail().contains("records key"), found.detail());
        assertEquals(1, store.stats().quarantined());
    }

    @Test
    void entryWithAForeignNameFoundWhenTheCacheOpensIsQuarantined() throws IOException {
        Files.move(entry, new Layout(dir).entry(key("q").value()));
        CacheStore store = Fixtures.store(StoreSettings.defaults(dir), warnings);
        assertEquals(Optional.of(MissReason.ABSENT), store.find(key("q")).reason());
        assertEquals(1, store.stats().quarantined());
        assertEquals(0, store.stats().entries());
    }

    @Test
    void verifyFindsAndQuarantinesEveryBadEntry() throws IOException {
        CacheStore store = Fixtures.store(StoreSettings.defaults(dir), warnings);
        store.put(key("q"), build("q"));
        damage(b -> new byte[b.length]);
        VerifyReport report = store.verify();
        assertEquals(2, report.checked());
        assertEquals(1, report.bad().size());
        assertTrue(report.bad().get(0).startsWith(key("p").value()), report.bad().toString());
        assertEquals(1, report.quarantined());
        assertTrue(store.verify().clean(), "nothing bad is left");
        assertTrue(store.find(key("q")).isHit());
    }

    @Test
    void verifyRecomputesTheJarChecksumThatLookupsLeaveToTheFileChecksum() throws IOException {
        damage(b -> {
            String text = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
            int at = text.indexOf("sha256=") + "sha256=".length();
            Arrays.fill(b, at, at + 64, (byte) '0');
            java.security.MessageDigest sha = Digests.sha256();
            sha.update(b, 0, b.length - 32);
            System.arraycopy(sha.digest(), 0, b, b.length - 32, 32);
            return b;
        });
        CacheStore store = Fixtures.store(StoreSettings.defaults(dir), warnings);
        assertTrue(store.find(key("p")).isHit(), "the file checksum holds and the jar bytes are intact");
        VerifyReport report = store.verify();
        assertEquals(List.of(entry.getFileName() + ": bundle jar does not match its recorded size and SHA-256"), report.bad());
        assertEquals(1, report.quarantined());
    }

    @Test
    void readOnlyCacheReportsABadEntryAndLeavesItInPlace() throws IOException {
        damage(b -> Arrays.copyOf(b, b.length - 1));
        Map<String, String> before = Fixtures.snapshot(dir);
        CacheStore store = Fixtures.store(StoreSettings.defaults(dir).asReadOnly(), warnings);
        assertEquals(Optional.of(MissReason.CORRUPT), store.find(key("p")).reason());
        VerifyReport report = store.verify();
        assertEquals(List.of(entry.getFileName() + ": checksum mismatch (truncated or damaged)"), report.bad());
        assertEquals(0, report.quarantined());
        assertEquals(before, Fixtures.snapshot(dir));
    }
}
