package dev.graft.cache.internal;

import dev.graft.cache.RemoteStats;

/** Sums and differences of the counters of one remote cache. */
final class RemoteCounts {

    private RemoteCounts() {
    }

    /**
     * @param a counters of a URL
     * @param b more counters of the same URL
     * @return their sum; read-only while both are
     */
    static RemoteStats plus(RemoteStats a, RemoteStats b) {
        return new RemoteStats(a.url(), a.readOnly() && b.readOnly(), a.hits() + b.hits(), a.misses() + b.misses(),
            a.rejected() + b.rejected(), a.errors() + b.errors(), a.skipped() + b.skipped(), a.uploads() + b.uploads(),
            a.uploadsRefused() + b.uploadsRefused(), a.bytesDownloaded() + b.bytesDownloaded(), a.bytesUploaded() + b.bytesUploaded());
    }

    /**
     * @param now counters of a URL
     * @param before earlier counters of the same counting, each at most the one of {@code now}
     * @return what was counted in between, with the read-only flag of {@code now}
     */
    static RemoteStats minus(RemoteStats now, RemoteStats before) {
        return new RemoteStats(now.url(), now.readOnly(), now.hits() - before.hits(), now.misses() - before.misses(),
            now.rejected() - before.rejected(), now.errors() - before.errors(), now.skipped() - before.skipped(),
            now.uploads() - before.uploads(), now.uploadsRefused() - before.uploadsRefused(),
            now.bytesDownloaded() - before.bytesDownloaded(), now.bytesUploaded() - before.bytesUploaded());
    }

    /**
     * @param url a remote cache's URL
     * @param readOnly whether it is only read
     * @return no counts yet
     */
    static RemoteStats zero(String url, boolean readOnly) {
        return new RemoteStats(url, readOnly, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** @return whether nothing was counted */
    static boolean isZero(RemoteStats s) {
        return s.hits() == 0 && s.misses() == 0 && s.rejected() == 0 && s.errors() == 0 && s.skipped() == 0 && s.uploads() == 0
            && s.uploadsRefused() == 0 && s.bytesDownloaded() == 0 && s.bytesUploaded() == 0;
    }
}
