package dev.graft.test.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.graft.host.PluginLoader;
import dev.graft.host.RetiredRevision;

/** Waits for a retired plugin bundle's class loader to become unreachable. */
public final class Retirement {

    private Retirement() {
    }

    /**
     * Asks the loader for pinned revisions (it collects garbage first) until the bundle is no
     * longer among them or the timeout passed.
     *
     * @param loader the loader that retired the bundle
     * @param bundleId the id the retired bundle had
     * @param timeout how long to keep trying
     * @return the pinned revision when it is still reachable after the timeout, else empty
     */
    public static Optional<RetiredRevision> pinnedAfter(PluginLoader loader, long bundleId, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<RetiredRevision> pinned = loader.pinnedRevisions();
            Optional<RetiredRevision> mine = pinned.stream().filter(r -> r.bundleId() == bundleId).findFirst();
            if (mine.isEmpty() || System.nanoTime() > end) {
                return mine;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return mine;
            }
        }
    }
}
