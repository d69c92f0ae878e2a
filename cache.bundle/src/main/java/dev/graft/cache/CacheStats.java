package dev.graft.cache;

import java.util.Map;

/**
 * Counters of one cache service instance (since it was activated or reconfigured) and the current
 * size of the cache directory.
 *
 * @param hits lookups answered with a hit
 * @param misses lookups answered with a miss, by reason
 * @param entries entries in the cache now
 * @param bytes bytes of the entry files in the cache now
 * @param evictions entries evicted by the limits
 * @param quarantined entries moved to {@code quarantine/}
 */
public record CacheStats(long hits, Map<MissReason, Long> misses, long entries, long bytes, long evictions, long quarantined) {

    public CacheStats {
        misses = Map.copyOf(misses);
    }

    /** @return every miss, whatever its reason */
    public long totalMisses() {
        return misses.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * @param reason a reason
     * @return the misses for that reason
     */
    public long misses(MissReason reason) {
        return misses.getOrDefault(reason, 0L);
    }
}
