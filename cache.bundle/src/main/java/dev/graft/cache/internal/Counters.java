package dev.graft.cache.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.graft.cache.Lookup;
import dev.graft.cache.MissReason;

/** The counters of one store: hits, misses by reason, evictions and quarantined entries. */
public final class Counters {

    private final AtomicLong hits = new AtomicLong();
    private final Map<MissReason, AtomicLong> misses = new EnumMap<>(MissReason.class);
    private final AtomicLong evictions = new AtomicLong();
    private final AtomicLong quarantined = new AtomicLong();

    /** Creates zero counters. */
    public Counters() {
        for (MissReason r : MissReason.values()) {
            misses.put(r, new AtomicLong());
        }
    }

    /**
     * @param lookup an answer given
     * @return the same answer
     */
    public Lookup count(Lookup lookup) {
        lookup.reason().ifPresentOrElse(r -> misses.get(r).incrementAndGet(), hits::incrementAndGet);
        return lookup;
    }

    /** @param n entries evicted */
    public void evicted(int n) {
        evictions.addAndGet(n);
    }

    /** Counts one quarantined entry. */
    public void quarantined() {
        quarantined.incrementAndGet();
    }

    /** @return the hits */
    public long hits() {
        return hits.get();
    }

    /** @return the misses by reason */
    public Map<MissReason, Long> misses() {
        Map<MissReason, Long> copy = new EnumMap<>(MissReason.class);
        misses.forEach((r, n) -> copy.put(r, n.get()));
        return copy;
    }

    /** @return the evictions */
    public long evictions() {
        return evictions.get();
    }

    /** @return the quarantined entries */
    public long quarantinedCount() {
        return quarantined.get();
    }
}
