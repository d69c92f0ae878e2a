package dev.graft.cache;

import java.util.Objects;

/**
 * Counters of a remote cache: what the lookups that went past the local cache found there, and what
 * was uploaded. Either those of one cache service instance since it was activated or reconfigured
 * ({@link PluginCache#remoteStats()}), or those that every process using one cache directory recorded
 * there since its last clean ({@link PluginCache#recordedRemoteStats()}).
 *
 * @param url the remote cache's base URL, or empty when no remote cache is configured
 * @param readOnly whether this process only reads the remote cache; for recorded counters, whether
 *        every process that counted them only read it
 * @param hits lookups answered by the remote cache with an entry that passed every check
 * @param misses lookups the remote cache had no usable entry for (absent, an object missing, or
 *        compiled against other bundles)
 * @param rejected answers that failed a check (a corrupt or foreign record or bundle): never installed
 * @param errors requests that failed: connection refused, timeout, 5xx, any other unexpected status
 * @param skipped lookups and uploads not tried because the remote cache failed shortly before
 * @param uploads builds uploaded (bundle and record)
 * @param uploadsRefused uploads the server refused (401, 403, 405, 413): none is tried again
 * @param bytesDownloaded bytes of records and bundles received
 * @param bytesUploaded bytes of records and bundles sent
 */
public record RemoteStats(String url, boolean readOnly, long hits, long misses, long rejected, long errors, long skipped,
    long uploads, long uploadsRefused, long bytesDownloaded, long bytesUploaded) {

    public RemoteStats {
        Objects.requireNonNull(url, "url");
    }

    /** @return the counters of a cache without a remote cache */
    public static RemoteStats none() {
        return new RemoteStats("", false, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** @return whether a remote cache is configured */
    public boolean enabled() {
        return !url.isEmpty();
    }
}
