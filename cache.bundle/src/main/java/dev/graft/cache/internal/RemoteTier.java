package dev.graft.cache.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import dev.graft.cache.CacheEntry;
import dev.graft.cache.CacheKey;
import dev.graft.cache.RemoteStats;

/**
 * The remote cache behind the local one: finds an entry by its key ({@code /ac/KEY}, a record made by
 * {@link EntryFile#encodeRecord}, pointing at the bundle under {@code /cas/SHA256}) and uploads one.
 * An answer is used only when it passes the checks of a local entry: the record's checksum, key,
 * content key and host, the bundle's size and SHA-256, and the wiring of the running framework.
 *
 * <p>Nothing here throws: a remote cache that is down, slow, failing or lying is answered as a miss,
 * warned about once per kind (lookups, uploads) and counted. After a request without an answer or
 * with a 5xx, the remote cache is left alone for {@link #PAUSE_NANOS}, so that a dead server costs
 * one timeout, not one per plugin. A refused upload (401, 403, 405, 413) stops the uploads of this
 * instance. Thread-safe.
 */
public final class RemoteTier {

    /** How long the remote cache is left alone after it failed. */
    static final long PAUSE_NANOS = 30_000_000_000L;

    private final RemoteSettings settings;
    private final RemoteClient client;
    private final Warnings warnings;
    private final LongSupplier nanos;
    private final AtomicBoolean lookupWarned = new AtomicBoolean();
    private final AtomicBoolean uploadWarned = new AtomicBoolean();
    private final AtomicBoolean uploadsRefused = new AtomicBoolean();
    private volatile long pausedUntil;
    private volatile boolean paused;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong uploads = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong bytesDown = new AtomicLong();
    private final AtomicLong bytesUp = new AtomicLong();

    /** A checked answer of the remote cache: the entry and its bundle jar. */
    public record Fetched(CacheEntry entry, byte[] jar) {
    }

    /**
     * @param settings where the remote cache is and how to reach it
     * @param warnings where the one warning per kind goes
     * @throws IllegalArgumentException when the CA file cannot be used
     */
    public RemoteTier(RemoteSettings settings, Warnings warnings) {
        this(settings, client(settings), warnings, System::nanoTime);
    }

    RemoteTier(RemoteSettings settings, RemoteClient client, Warnings warnings, LongSupplier nanos) {
        this.settings = settings;
        this.client = client;
        this.warnings = warnings;
        this.nanos = nanos;
    }

    private static RemoteClient client(RemoteSettings settings) {
        try {
            return new RemoteClient(settings);
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("remoteCaFile " + settings.caFile().orElse(null) + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** @return the settings */
    public RemoteSettings settings() {
        return settings;
    }

    /**
     * @param key the key a local lookup missed
     * @param wiring the wiring check of the lookup
     * @return the entry and its jar when the remote cache holds one that passes every check
     */
    public Optional<Fetched> find(CacheKey key, WiringCheck wiring) {
        if (paused()) {
            skipped.incrementAndGet();
            return Optional.empty();
        }
        try {
            byte[] record = client.get("ac/" + key.value());
            if (record == null) {
                misses.incrementAndGet();
                return Optional.empty();
            }
            bytesDown.addAndGet(record.length);
            CacheEntry entry;
            try {
                entry = EntryFile.decodeRecord(record);
            } catch (EntryFile.Corrupt e) {
                return reject(key, "its record is not one (" + e.getMessage() + ")");
            }
            if (!entry.key().equals(key.value()) || !entry.content().equals(key.content()) || !entry.host().equals(key.host())) {
                return reject(key, "its record is of another key or host (" + entry.key() + ", " + entry.host() + ")");
            }
            byte[] jar = client.get("cas/" + entry.sha256());
            if (jar == null) {
                misses.incrementAndGet();
                return Optional.empty();
            }
            bytesDown.addAndGet(jar.length);
            if (jar.length != entry.size() || !Digests.hex(jar).equals(entry.sha256())) {
                return reject(key, "the bundle under cas/" + entry.sha256() + " does not match its size and SHA-256");
            }
            if (wiring.staleness(entry.compiledAgainst()).isPresent()) {
                misses.incrementAndGet();
                return Optional.empty();
            }
            hits.incrementAndGet();
            return Optional.of(new Fetched(entry, jar));
        } catch (RemoteClient.Failure e) {
            failed(e);
            warnOnce(lookupWarned, "the remote cache " + settings.display() + " failed (" + e.getMessage()
                + "); plugins it cannot serve are compiled here, see 'graft cache stats'", e);
            return Optional.empty();
        }
    }

    private Optional<Fetched> reject(CacheKey key, String why) {
        rejected.incrementAndGet();
        warnOnce(lookupWarned, "the remote cache " + settings.display() + " answered " + key + " with something unusable: "
            + why + "; it was not installed, the plugin is compiled here", null);
        return Optional.empty();
    }

    /**
     * Uploads an entry, the bundle first, then the record pointing at it; nothing when read-only,
     * refused before or paused.
     *
     * @param entry the entry (its size and SHA-256 are the jar's)
     * @param jar the bundle jar
     */
    public void upload(CacheEntry entry, byte[] jar) {
        if (settings.readOnly() || uploadsRefused.get()) {
            return;
        }
        if (paused()) {
            skipped.incrementAndGet();
            return;
        }
        byte[] record = EntryFile.encodeRecord(entry);
        try {
            client.put("cas/" + entry.sha256(), jar);
            bytesUp.addAndGet(jar.length);
            client.put("ac/" + entry.key(), record);
            bytesUp.addAndGet(record.length);
            uploads.incrementAndGet();
        } catch (RemoteClient.Failure e) {
            if (e.refusal()) {
                refused.incrementAndGet();
                uploadsRefused.set(true);
                warnOnce(uploadWarned, "the remote cache " + settings.display() + " refuses uploads (" + e.getMessage()
                    + "); this process no longer uploads, it still reads", null);
            } else {
                failed(e);
                warnOnce(uploadWarned, "could not upload " + entry.name() + " to the remote cache " + settings.display()
                    + " (" + e.getMessage() + "); the local cache has it", e);
            }
        }
    }

    private void failed(RemoteClient.Failure e) {
        errors.incrementAndGet();
        if (e.status() == 0 || e.status() >= 500) {
            pausedUntil = nanos.getAsLong() + PAUSE_NANOS;
            paused = true;
        }
    }

    private boolean paused() {
        if (paused && nanos.getAsLong() - pausedUntil < 0) {
            return true;
        }
        paused = false;
        return false;
    }

    private void warnOnce(AtomicBoolean warned, String message, Throwable cause) {
        if (warned.compareAndSet(false, true)) {
            warnings.warn(message, cause);
        }
    }

    /** @return the counters so far */
    public RemoteStats stats() {
        return new RemoteStats(settings.display(), settings.readOnly(), hits.get(), misses.get(), rejected.get(), errors.get(),
            skipped.get(), uploads.get(), refused.get(), bytesDown.get(), bytesUp.get());
    }
}
