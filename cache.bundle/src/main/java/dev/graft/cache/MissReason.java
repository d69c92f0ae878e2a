package dev.graft.cache;

/** Why {@link PluginCache#find} did not answer a hit. */
public enum MissReason {
    /** No entry has this key. */
    ABSENT,
    /** An entry exists, but a package it was compiled against is now exported by other content. */
    STALE_WIRING,
    /** The entry failed its checks (truncated, zeroed, flipped, wrong key); it was quarantined. */
    CORRUPT,
    /** The cache was written by another host (info file) and is skipped, or the entry's host differs. */
    OTHER_HOST,
    /** The cache directory cannot be used (refused, unreadable, garbage info file when read-only). */
    UNAVAILABLE
}
