package dev.graft.cache.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

import dev.graft.cache.CacheKey;
import dev.graft.cache.Lookup;
import dev.graft.cache.MissReason;

/**
 * Answers one lookup in an opened, usable cache: reads the entry file without a lock, checks it
 * (format, checksum, key), checks its wiring, and touches its modification time (its last-used
 * time) on a hit. A bad entry is quarantined under the lock, unless the cache is read-only.
 */
final class EntryLookup {

    private final StoreSettings settings;
    private final Layout layout;
    private final WiringCheck wiring;
    private final Clock clock;
    private final Warnings warnings;
    private final AtomicFiles files;
    private final DirectoryLock lock;
    private final Housekeeping housekeeping;

    EntryLookup(StoreSettings settings, Layout layout, WiringCheck wiring, Clock clock, Warnings warnings, AtomicFiles files,
        DirectoryLock lock, Housekeeping housekeeping) {
        this.settings = settings;
        this.layout = layout;
        this.wiring = wiring;
        this.clock = clock;
        this.warnings = warnings;
        this.files = files;
        this.lock = lock;
        this.housekeeping = housekeeping;
    }

    Lookup find(CacheKey key) {
        return find(key, wiring);
    }

    /** Looks a key up, checking the entry's wiring with the given check instead of the framework's. */
    Lookup find(CacheKey key, WiringCheck wiring) {
        Path file = layout.entry(key.value());
        try {
            byte[] bytes = readIfExists(file);
            if (bytes == null && settings.tryOldCacheWithNewHost()) {
                Optional<Path> old = sameContentOtherHost(key);
                file = old.orElse(file);
                bytes = old.isPresent() ? readIfExists(old.get()) : null;
            }
            if (bytes == null) {
                return Lookup.miss(MissReason.ABSENT, "no entry for " + key);
            }
            EntryFile.Decoded decoded;
            try {
                decoded = EntryFile.decode(bytes);
                String recorded = decoded.entry().key();
                boolean sameKey = recorded.equals(key.value())
                    || settings.tryOldCacheWithNewHost() && decoded.entry().content().equals(key.content());
                if (!recorded.equals(Layout.keyOf(file)) || !sameKey) {
                    throw new EntryFile.Corrupt("the entry records key " + recorded);
                }
            } catch (EntryFile.Corrupt e) {
                return Lookup.miss(MissReason.CORRUPT, "entry " + file + " is corrupt (" + e.getMessage() + ")" + quarantine(file));
            }
            Optional<String> stale = wiring.staleness(decoded.entry().compiledAgainst());
            if (stale.isPresent()) {
                return Lookup.miss(MissReason.STALE_WIRING, key + " was compiled against other bundles: " + stale.get());
            }
            Instant now = clock.instant();
            if (!settings.readOnly()) {
                touch(file, now);
            }
            return Lookup.hit(decoded.entry().usedAt(now), decoded.jar());
        } catch (IOException | UncheckedIOException e) {
            warnings.warn("cannot read cache entry " + file + ": " + e, e);
            return Lookup.miss(MissReason.UNAVAILABLE, "cannot read " + file + ": " + e);
        }
    }

    private Optional<Path> sameContentOtherHost(CacheKey key) throws IOException {
        return IndexFile.read(layout.directory()).orElse(Map.of()).values().stream()
            .filter(r -> r.content().equals(key.content()) && !r.key().equals(key.value()))
            .max(Comparator.comparingLong(IndexFile.Row::created))
            .map(r -> layout.entry(r.key()));
    }

    private String quarantine(Path file) {
        if (settings.readOnly()) {
            return "; read-only, left in place";
        }
        try (DirectoryLock.Held held = lock.acquire()) {
            boolean moved = housekeeping.quarantine(file);
            if (moved) {
                IndexFile.write(files, layout.directory(), housekeeping.reconcile().rows().values());
            }
            warnings.warn("cache entry " + file + " failed its checks and was moved to " + layout.quarantine(), null);
            return moved ? "; quarantined" : "; replaced meanwhile";
        } catch (IOException e) {
            warnings.warn("cannot quarantine corrupt cache entry " + file + ": " + e, e);
            return "; could not be quarantined: " + e;
        }
    }

    static byte[] readIfExists(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    static void touch(Path file, Instant now) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(now));
        } catch (IOException e) {
            // evicted meanwhile, or not ours to touch: the hit stands, only its recency is lost
        }
    }

}
