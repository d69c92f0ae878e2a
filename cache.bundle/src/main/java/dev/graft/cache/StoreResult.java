package dev.graft.cache;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link PluginCache#put}.
 *
 * @param outcome what happened
 * @param entry the entry now in the cache, when {@link #stored()}
 * @param detail a sentence for the log
 * @param cause the I/O problem behind a {@link Outcome#FAILED} result
 */
public record StoreResult(Outcome outcome, Optional<CacheEntry> entry, String detail, Optional<Exception> cause) {

    /** What {@link PluginCache#put} did. */
    public enum Outcome {
        /** The build was written. */
        STORED,
        /** A valid entry with the same key was there already (another thread or process stored it). */
        ALREADY_PRESENT,
        /** Nothing was written: the cache is read-only. */
        READ_ONLY,
        /** Nothing was written: the build failed, or its bundle is larger than {@code maxBytes}. */
        NOT_STORABLE,
        /** Writing failed (disk full, permission denied, directory refused); nothing was left behind. */
        FAILED
    }

    public StoreResult {
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(entry);
        Objects.requireNonNull(detail);
        Objects.requireNonNull(cause);
    }

    /** @return whether the cache now holds an entry for the key */
    public boolean stored() {
        return outcome == Outcome.STORED || outcome == Outcome.ALREADY_PRESENT;
    }
}
