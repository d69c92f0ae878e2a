package dev.graft.cache;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

import dev.graft.compiler.Build;
import dev.graft.compiler.CompileOptions;
import dev.graft.compiler.SourcePlugin;
import dev.graft.compiler.WiredPackage;

/**
 * The persistent cache of compiled source plugins: Graft's answer to ocaml_plugin's
 * {@code Plugin_cache}. It caches builds (bundle jars), never loading: a plugin loaded again from
 * the cache runs its start-up effects again.
 *
 * <p>An entry is reused only when the full {@link CacheKey} matches, its checksum verifies and every
 * package it was compiled against is still exported by the same bundle content in the running
 * framework. A bad entry is moved to {@code quarantine/} and answered as a miss; it is never loaded.
 *
 * <p>The service is registered by Declarative Services under the configuration PID
 * {@value #PID}. Activating it does not touch the file system: the directory is opened at first use.
 * Nothing here stops the caller: {@link #find} and {@link #put} answer problems as values, so a
 * broken cache costs a compile, never a start-up.
 *
 * <p>With a remote cache configured ({@code remoteUrl}: an HTTP cache server in the layout of
 * Bazel's remote cache), a local miss asks the remote cache; what it answers passes the same checks
 * as a local entry before it is stored locally and handed out, and a build stored here is uploaded
 * in the background. A remote cache that fails never fails a lookup: it is answered as the local miss.
 *
 * <p>Thread-safe. Several processes may share one directory: a kernel lock guards every write.
 */
@ProviderType
public interface PluginCache {

    /** The configuration PID of the cache service. */
    String PID = "dev.graft.cache";

    /**
     * Computes the key of a plugin: SHA-256 over its sorted relative paths and bytes, the compile
     * options and the host fingerprint of the running framework. Does not touch the file system.
     *
     * @param plugin the plugin's sources
     * @param options the options it is compiled with
     * @return the key
     */
    CacheKey key(SourcePlugin plugin, CompileOptions options);

    /**
     * Looks a key up.
     *
     * @param key a key from {@link #key}
     * @return a hit with the bundle jar and its entry, or a miss with its reason; never null
     */
    Lookup find(CacheKey key);

    /**
     * Looks a key up as {@link #find(CacheKey)} does, for a build that will run beside builds not
     * installed yet: each package of {@code planned} counts as exported by the exporter given
     * there instead of the one the framework has now (a swap of a plugin with its dependants
     * looks a dependant up against the new version of what it depends on).
     *
     * @param key a key from {@link #key}
     * @param planned package names, each with the exporter it will be wired to (symbolic name,
     *        version and source digest, as a build compiled against it records them)
     * @return a hit with the bundle jar and its entry, or a miss with its reason; never null
     */
    Lookup find(CacheKey key, Map<String, WiredPackage> planned);

    /**
     * Stores a successful build under a key, then evicts least-recently-used entries beyond the
     * limits. Never throws for I/O trouble: a failed result carries the cause, one warning is
     * logged and the caller keeps using its build from memory.
     *
     * @param key the key the build was made for
     * @param build the build; a failed build is not stored
     * @return what happened
     */
    StoreResult put(CacheKey key, Build build);

    /**
     * Stores like {@link #put}, on a thread of the cache's own, and returns at once, so that the
     * caller does not wait for the fsyncs. Every later call of this cache in this process waits
     * for it where it could see it: {@link #find} and {@link #put} of the same key, and
     * {@link #list}, {@link #stats}, {@link #verify}, {@link #prune} and {@link #clean}. Another
     * process sees the entry once it is durable, as with {@code put}. A failure is logged as a
     * warning. Stores still queued when the cache stops are finished first.
     *
     * @param key the key the build was made for
     * @param build the build; a failed build is not stored
     */
    void putInBackground(CacheKey key, Build build);

    /**
     * @return every entry, most recently used first
     * @throws CacheException when the cache directory cannot be used
     */
    List<CacheEntry> list();

    /** @return the counters of this service instance and the current size of the cache */
    CacheStats stats();

    /**
     * Waits for the uploads queued so far, then counts what the remote cache (configuration
     * {@code remoteUrl}) answered in this service instance.
     *
     * @return the remote counters; {@link RemoteStats#none()} without a remote cache
     */
    RemoteStats remoteStats();

    /**
     * Waits for the uploads queued so far, then tells what every process that used this cache
     * directory counted of its remote caches since the last {@link #clean}: the counters recorded in
     * the directory (each process adds its own a little after they change and when it stops; two
     * processes never lose each other's counts), plus this instance's not recorded yet (a read-only
     * cache records nothing). {@link RemoteStats#readOnly()} is true while every process that
     * counted only read that remote cache.
     *
     * @return the counters, one per remote cache URL, in the order first recorded; empty when no remote
     *     cache was used
     */
    List<RemoteStats> recordedRemoteStats();

    /**
     * Re-checks every entry (format, checksums, key) and quarantines the bad ones (unless read-only).
     *
     * @return what was found
     * @throws CacheException when the cache directory cannot be used
     */
    VerifyReport verify();

    /**
     * Applies the limits now: evicts least-recently-used entries beyond {@code maxEntries} and
     * {@code maxBytes}, drops index rows without an entry and sweeps orphaned temporary files.
     *
     * @return what was removed
     * @throws CacheException when the cache directory cannot be used or is read-only
     */
    PruneReport prune();

    /**
     * Removes every entry and the quarantine, and sets the recorded counters of the remote caches
     * ({@link #recordedRemoteStats()}) back to none; the info file stays.
     *
     * @throws CacheException when the cache directory cannot be used or is read-only
     */
    void clean();

    /** @return the cache directory as configured (it may not exist yet) */
    Path directory();

    /** @return whether this cache only serves hits and never writes */
    boolean readOnly();

    /**
     * @return the most entries the cache keeps (configuration {@code maxEntries}); the least
     *     recently used beyond it are evicted after each store and by {@link #prune()}
     */
    int maxEntries();
}
