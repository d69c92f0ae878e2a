package dev.graft.cache.internal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a {@link CacheStore} behaves: the typed configuration of the service, without OSGi.
 *
 * @param directory the cache directory
 * @param shared whether others may write the directory (otherwise such a directory is refused)
 * @param readOnly hits only, never a write
 * @param tryOldCacheWithNewHost keep entries of another host and let the wiring check decide
 * @param maxEntries the most entries kept
 * @param maxBytes the most bytes of entry files kept
 */
public record StoreSettings(Path directory, boolean shared, boolean readOnly, boolean tryOldCacheWithNewHost,
    int maxEntries, long maxBytes) {

    /**
     * The default of {@code maxEntries}, as the cache issue specifies it. A site of more plugins than
     * this evicts its own entries on every start and never starts warm: raise it for such sites.
     */
    public static final int DEFAULT_MAX_ENTRIES = 100;
    /** The default of {@code maxBytes}: 512 MiB. */
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;

    /**
     * @throws IllegalArgumentException when a limit is below 1
     */
    public StoreSettings {
        Objects.requireNonNull(directory, "directory");
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("maxEntries and maxBytes must be at least 1: " + maxEntries + ", " + maxBytes);
        }
    }

    /**
     * @param directory the cache directory
     * @return writable, private settings with the default limits
     */
    public static StoreSettings defaults(Path directory) {
        return new StoreSettings(directory, false, false, false, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_BYTES);
    }

    /** @return a copy that is read-only */
    public StoreSettings asReadOnly() {
        return new StoreSettings(directory, shared, true, tryOldCacheWithNewHost, maxEntries, maxBytes);
    }

    /** @return a copy that keeps entries of another host */
    public StoreSettings tryingOldCache() {
        return new StoreSettings(directory, shared, readOnly, true, maxEntries, maxBytes);
    }

    /**
     * @param entries the new maximum of entries
     * @return a copy with that limit
     */
    public StoreSettings withMaxEntries(int entries) {
        return new StoreSettings(directory, shared, readOnly, tryOldCacheWithNewHost, entries, maxBytes);
    }

    /**
     * @param isShared whether others may write the directory
     * @return a copy with that setting
     */
    public StoreSettings withShared(boolean isShared) {
        return new StoreSettings(directory, isShared, readOnly, tryOldCacheWithNewHost, maxEntries, maxBytes);
    }
}
