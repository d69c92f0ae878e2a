package dev.graft.cache.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.graft.cache.CacheEntry;
import dev.graft.cache.CacheException;
import dev.graft.cache.CacheKey;
import dev.graft.cache.CacheStats;
import dev.graft.cache.Lookup;
import dev.graft.cache.MissReason;
import dev.graft.cache.PruneReport;
import dev.graft.cache.RemoteStats;
import dev.graft.cache.StoreResult.Outcome;
import dev.graft.cache.StoreResult;
import dev.graft.cache.VerifyReport;
import dev.graft.compiler.Build;

/**
 * The cache on disk, in plain Java: what {@link dev.graft.cache.PluginCache} does, minus OSGi. The
 * directory is opened at first use. Lookups take no lock: entry files are immutable once renamed
 * into place, and a hit only touches the file's modification time (its last-used time). Every write
 * happens under the {@link DirectoryLock}. Thread-safe; many processes may share a directory.
 */
public final class CacheStore {

    private final StoreSettings settings;
    private final Layout layout;
    private final String host;
    private final Clock clock;
    private final Warnings warnings;
    private final AtomicFiles files;
    private final DirectoryLock lock;
    private final Counters counters = new Counters();
    private final Housekeeping housekeeping;
    private final Opening opening;
    private final EntryLookup lookup;
    private volatile Opening.Opened opened;

    /**
     * @param settings the configuration
     * @param host the canonical host fingerprint of this process
     * @param wiring decides whether an entry's recorded wiring still holds
     * @param clock the time of stores and hits
     * @param warnings where problems answered as values are reported
     * @param output how bytes reach temporary files ({@link AtomicFiles.Output#FILE_CHANNEL})
     */
    public CacheStore(StoreSettings settings, String host, WiringCheck wiring, Clock clock, Warnings warnings,
        AtomicFiles.Output output) {
        this.settings = settings;
        this.layout = new Layout(settings.directory());
        this.host = host;
        this.clock = clock;
        this.warnings = warnings;
        this.files = new AtomicFiles(output);
        this.lock = new DirectoryLock(settings.directory());
        this.housekeeping = new Housekeeping(layout, files, counters, clock);
        this.opening = new Opening(settings, layout, host, files, lock, housekeeping, warnings);
        this.lookup = new EntryLookup(settings, layout, wiring, clock, warnings, files, lock, housekeeping);
    }

    /** @return the settings */
    public StoreSettings settings() {
        return settings;
    }

    /** @return the lock of the directory (tests ask whether it is free) */
    public DirectoryLock lock() {
        return lock;
    }

    private Opening.Opened open() {
        Opening.Opened o = opened;
        if (o == null) {
            synchronized (this) {
                if (opened == null) {
                    opened = opening.open();
                }
                o = opened;
            }
        }
        return o;
    }

    /**
     * @param key the key
     * @return a hit, or a miss with its reason
     */
    public Lookup find(CacheKey key) {
        return find(key, null);
    }

    /**
     * @param key the key
     * @param wiring the wiring check to use instead of this store's, or null for its own
     * @return a hit, or a miss with its reason
     */
    public Lookup find(CacheKey key, WiringCheck wiring) {
        Opening.Opened o = open();
        switch (o.status()) {
            case UNAVAILABLE:
                return counters.count(Lookup.miss(MissReason.UNAVAILABLE, o.detail()));
            case EMPTY:
                return counters.count(Lookup.miss(MissReason.ABSENT, o.detail()));
            case SKIPPED:
                return counters.count(Lookup.miss(MissReason.OTHER_HOST, o.detail()));
            default:
                return counters.count(wiring == null ? lookup.find(key) : lookup.find(key, wiring));
        }
    }

    /**
     * @param key the key the build was made for
     * @param build the build
     * @return what happened; never throws for I/O trouble
     */
    public StoreResult put(CacheKey key, Build build) {
        if (settings.readOnly()) {
            return result(Outcome.READ_ONLY, null, "the cache is read-only", null);
        }
        Optional<byte[]> jar = build.bundle();
        if (!build.succeeded() || jar.isEmpty()) {
            return result(Outcome.NOT_STORABLE, null, "the build of " + build.name() + " failed; nothing to store", null);
        }
        return write(key, entryOf(key, build, clock.instant()), jar.get());
    }

    /**
     * @param key the key the build was made for
     * @param build a successful build
     * @param now its creation time
     * @return the entry that records it
     */
    public static CacheEntry entryOf(CacheKey key, Build build, Instant now) {
        byte[] jar = build.bundle().orElseThrow();
        return new CacheEntry(key.value(), key.content(), key.host(), build.name(), jar.length,
            Digests.hex(jar), build.sourceDigest(), now, now, build.compiledAgainst());
    }

    /**
     * Stores an entry that was checked elsewhere (fetched from a remote cache and verified there).
     *
     * @param key the key of the entry
     * @param entry the entry; its key, size and SHA-256 match the key and the jar
     * @param jar the bundle jar
     * @return what happened; never throws for I/O trouble
     */
    public StoreResult putFetched(CacheKey key, CacheEntry entry, byte[] jar) {
        if (settings.readOnly()) {
            return result(Outcome.READ_ONLY, null, "the cache is read-only", null);
        }
        return write(key, entry, jar);
    }

    private StoreResult write(CacheKey key, CacheEntry entry, byte[] jar) {
        Instant now = clock.instant();
        byte[] bytes;
        try {
            bytes = EntryFile.encode(entry, jar);
        } catch (IllegalArgumentException e) {
            return result(Outcome.NOT_STORABLE, null, "cannot record " + key + ": " + e.getMessage(), e);
        }
        if (bytes.length > settings.maxBytes()) {
            return result(Outcome.NOT_STORABLE, null, key + " takes " + bytes.length + " bytes, more than maxBytes "
                + settings.maxBytes(), null);
        }
        Opening.Opened o = open();
        if (o.status() != Opening.Status.USABLE) {
            return result(Outcome.FAILED, null, "not stored: " + o.detail(), o.error());
        }
        Path file = layout.entry(key.value());
        try (DirectoryLock.Held held = lock.acquire()) {
            Optional<String> takenOver = takenOver();
            if (takenOver.isPresent()) {
                warnings.warn(takenOver.get(), null);
                return result(Outcome.FAILED, null, takenOver.get(), null);
            }
            if (alreadyPresent(file, entry)) {
                EntryLookup.touch(file, now);
                return result(Outcome.ALREADY_PRESENT, entry, key + " was stored meanwhile", null);
            }
            files.write(file, bytes, AtomicFiles.ENTRY_WRITE);
            EntryLookup.touch(file, now);
            Housekeeping.Reconciled index = housekeeping.reconcile();
            index.rows().put(key.value(), IndexFile.Row.of(entry, bytes.length));
            int evicted = housekeeping.evict(index.rows(), settings.maxEntries(), settings.maxBytes(), key.value());
            IndexFile.write(files, layout.directory(), index.rows().values());
            return result(Outcome.STORED, entry, "stored " + key + (evicted > 0 ? ", evicted " + evicted : ""), null);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            String detail = "could not store " + key + " in " + layout.directory() + " (" + e
                + "); the build is used from memory";
            warnings.warn(detail, e);
            return result(Outcome.FAILED, null, detail, e);
        }
    }

    /** Whether another host rewrote the info file since this store opened the cache (checked under the lock). */
    private Optional<String> takenOver() throws IOException {
        if (settings.tryOldCacheWithNewHost()) {
            return Optional.empty();
        }
        try {
            Optional<InfoFile.Info> info = InfoFile.read(layout.directory());
            if (info.isPresent() && info.get().matches(host)) {
                return Optional.empty();
            }
            return Optional.of("not stored: " + layout.directory() + " now belongs to another host ("
                + info.map(InfoFile.Info::host).orElse("no info file") + ")");
        } catch (InfoFile.Garbage e) {
            return Optional.of("not stored: " + e.getMessage());
        }
    }

    private boolean alreadyPresent(Path file, CacheEntry entry) throws IOException {
        byte[] existing = EntryLookup.readIfExists(file);
        if (existing == null) {
            return false;
        }
        try {
            CacheEntry there = EntryFile.decode(existing).entry();
            return there.key().equals(entry.key()) && there.compiledAgainst().equals(entry.compiledAgainst());
        } catch (EntryFile.Corrupt e) {
            return false;
        }
    }

    private static StoreResult result(Outcome outcome, CacheEntry entry, String detail, Exception cause) {
        return new StoreResult(outcome, Optional.ofNullable(entry), detail, Optional.ofNullable(cause));
    }

    /**
     * @return every entry, most recently used first
     * @throws CacheException when the directory cannot be used
     */
    public List<CacheEntry> list() {
        Opening.Opened o = usable();
        List<CacheEntry> entries = new ArrayList<>();
        if (o.status() == Opening.Status.EMPTY) {
            return entries;
        }
        try {
            for (Path file : layout.entryFiles()) {
                try {
                    entries.add(EntryFile.readHeader(file).usedAt(Files.getLastModifiedTime(file).toInstant()));
                } catch (EntryFile.Corrupt | NoSuchFileException e) {
                    // evicted meanwhile, or bad: verify reports it
                }
            }
        } catch (IOException e) {
            throw new CacheException("cannot list " + layout.entries() + ": " + e, e);
        }
        entries.sort(Comparator.comparing(CacheEntry::lastUsed).reversed().thenComparing(CacheEntry::key));
        return entries;
    }

    /** @return the counters of this store and the current number and size of entry files */
    public CacheStats stats() {
        long entries = 0;
        long bytes = 0;
        try {
            for (Path file : layout.entryFiles()) {
                try {
                    bytes += Files.size(file);
                    entries++;
                } catch (NoSuchFileException e) {
                    // evicted meanwhile
                }
            }
        } catch (IOException e) {
            // an unreadable directory has no entries we could use
        }
        return new CacheStats(counters.hits(), counters.misses(), entries, bytes, counters.evictions(), counters.quarantinedCount());
    }

    /**
     * Adds what this process counted of a remote cache to the counters recorded in the directory
     * ({@link RemoteStatsFile}), under the lock.
     *
     * @param counted the counts since this process last recorded
     * @return whether they were recorded; false (warned) when the cache is read-only, cannot be used
     *     or the file cannot be written
     */
    public boolean recordRemote(RemoteStats counted) {
        if (settings.readOnly()) {
            return false;
        }
        Opening.Opened o = open();
        if (o.status() != Opening.Status.USABLE) {
            return false;
        }
        try (DirectoryLock.Held held = lock.acquire()) {
            RemoteStatsFile.add(files, layout.directory(), counted, warnings);
            return true;
        } catch (IOException | UncheckedIOException | SecurityException e) {
            warnings.warn("could not record the remote cache's counters in " + layout.directory() + " (" + e + ")", e);
            return false;
        }
    }

    /**
     * @return the counters of the remote caches recorded in the directory, one per URL; none when
     *     there are none or they cannot be read (warned)
     */
    public List<RemoteStats> recordedRemote() {
        try {
            return RemoteStatsFile.read(layout.directory());
        } catch (RemoteStatsFile.Garbage | IOException e) {
            warnings.warn("the remote cache's counters cannot be read: " + e.getMessage(), null);
            return List.of();
        }
    }

    /**
     * @return what checking every entry found; bad entries are quarantined unless read-only
     * @throws CacheException when the directory cannot be used
     */
    public VerifyReport verify() {
        Opening.Opened o = usable();
        if (o.status() == Opening.Status.EMPTY) {
            return new VerifyReport(0, List.of(), 0);
        }
        try {
            return new Verification(layout, settings.readOnly(), lock, housekeeping, files).run();
        } catch (IOException e) {
            throw new CacheException("cannot verify " + layout.directory() + ": " + e, e);
        }
    }

    /**
     * @return what applying the limits removed
     * @throws CacheException when the directory cannot be used or is read-only
     */
    public PruneReport prune() {
        writable("prune");
        try (DirectoryLock.Held held = lock.acquire()) {
            int swept = housekeeping.sweep();
            Housekeeping.Reconciled index = housekeeping.reconcile();
            int evicted = housekeeping.evict(index.rows(), settings.maxEntries(), settings.maxBytes(), "");
            IndexFile.write(files, layout.directory(), index.rows().values());
            return new PruneReport(evicted, index.rows().size(), index.bytes(), swept + index.repaired());
        } catch (IOException e) {
            throw new CacheException("cannot prune " + layout.directory() + ": " + e, e);
        }
    }

    /**
     * Removes every entry, the quarantine and the remote cache's recorded counters.
     *
     * @throws CacheException when the directory cannot be used or is read-only
     */
    public void clean() {
        writable("clean");
        try (DirectoryLock.Held held = lock.acquire()) {
            housekeeping.wipe();
            RemoteStatsFile.delete(layout.directory());
        } catch (IOException e) {
            throw new CacheException("cannot clean " + layout.directory() + ": " + e, e);
        }
    }

    private Opening.Opened usable() {
        Opening.Opened o = open();
        if (o.status() == Opening.Status.UNAVAILABLE) {
            throw o.error();
        }
        return o;
    }

    private void writable(String operation) {
        if (settings.readOnly()) {
            throw new CacheException("cannot " + operation + " the read-only cache " + layout.directory());
        }
        usable();
    }
}
