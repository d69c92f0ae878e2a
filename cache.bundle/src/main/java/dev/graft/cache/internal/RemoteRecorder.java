package dev.graft.cache.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import dev.graft.cache.RemoteStats;

/**
 * Records what one {@link RemoteTier} counts in the local cache directory ({@link CacheStore#recordRemote}),
 * so that the counters outlive the process: a little after they change ({@link #DELAY_MILLIS}, on a
 * daemon thread of its own, so that a burst of lookups is one write), when asked, and when the cache
 * stops. What could not be recorded (a read-only or unusable cache) stays {@link #unrecorded()}.
 * Thread-safe.
 */
final class RemoteRecorder {

    /** How long after a change the counters are recorded. */
    static final long DELAY_MILLIS = 2000;

    private final RemoteTier tier;
    private final Supplier<CacheStore> store;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private ScheduledExecutorService timer;
    private boolean closed;
    private RemoteStats recorded;

    /**
     * @param tier what counts
     * @param store the local cache the counters are recorded in
     */
    RemoteRecorder(RemoteTier tier, Supplier<CacheStore> store) {
        this.tier = tier;
        this.store = store;
        RemoteStats now = tier.stats();
        this.recorded = RemoteCounts.zero(now.url(), now.readOnly());
    }

    /** The counters changed: records them a little later, unless that is planned already. */
    void changed() {
        if (!scheduled.compareAndSet(false, true)) {
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            if (timer == null) {
                ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
                    Thread thread = new Thread(r, "graft-cache-remote-stats");
                    thread.setDaemon(true);
                    return thread;
                });
                t.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
                timer = t;
            }
            timer.schedule(this::record, DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Records what was counted since the last record, now. */
    synchronized void record() {
        scheduled.set(false);
        RemoteStats now = tier.stats();
        RemoteStats counted = RemoteCounts.minus(now, recorded);
        if (!RemoteCounts.isZero(counted) && store.get().recordRemote(counted)) {
            recorded = now;
        }
    }

    /** Takes what was counted so far as recorded: the counters of the directory start again (a clean). */
    synchronized void forget() {
        recorded = tier.stats();
    }

    /** @return what was counted and not recorded (yet, or ever: a read-only cache) */
    synchronized RemoteStats unrecorded() {
        return RemoteCounts.minus(tier.stats(), recorded);
    }

    /** Records what is left and stops the thread. */
    void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            closed = true;
            t = timer;
            timer = null;
        }
        if (t != null) {
            t.shutdown();
        }
        record();
    }
}
