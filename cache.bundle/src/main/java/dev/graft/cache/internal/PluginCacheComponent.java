package dev.graft.cache.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import dev.graft.cache.CacheEntry;
import dev.graft.cache.CacheKey;
import dev.graft.cache.CacheStats;
import dev.graft.cache.Lookup;
import dev.graft.cache.PluginCache;
import dev.graft.cache.PruneReport;
import dev.graft.cache.RemoteStats;
import dev.graft.cache.StoreResult;
import dev.graft.cache.VerifyReport;
import dev.graft.compiler.Build;
import dev.graft.compiler.CompileOptions;
import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.SourcePlugin;
import dev.graft.compiler.WiredPackage;

/**
 * The {@link PluginCache} service: a {@link CacheStore} on the configured directory, checking
 * wiring with the compiler's {@link PluginCompiler#exporterOf} and keyed by its {@link PluginCompiler#hostFingerprint}. Activation
 * and reconfiguration touch no file: the store is made, and its directory opened, at first use.
 * Immediate, so that the service is active (and cheap) from the start.
 */
@Component(service = PluginCache.class, immediate = true, configurationPid = PluginCache.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CacheConfiguration.class)
public final class PluginCacheComponent implements PluginCache {

    /** How long a stopping cache finishes the stores still queued. */
    private static final long STOP_WAIT_MILLIS = 60_000;

    @Reference
    PluginCompiler compiler;

    private BundleContext context;
    private WiringCheck wiring;
    private ExporterMemo exporters;
    private volatile StoreSettings settings;
    private volatile CacheStore store;
    private volatile Optional<RemoteSettings> remoteSettings = Optional.empty();
    private volatile RemoteTier remote;
    private volatile RemoteRecorder recorder;
    private final BackgroundPuts puts = new BackgroundPuts(Warnings.SYSTEM_LOGGER);
    private final BackgroundPuts uploads = new BackgroundPuts(Warnings.SYSTEM_LOGGER, "graft-cache-upload");

    @Activate
    void activate(BundleContext bundleContext, CacheConfiguration config) {
        this.context = bundleContext;
        exporters = new ExporterMemo(compiler::exporterOf);
        bundleContext.addBundleListener(exporters);
        this.wiring = new LiveWiring(exporters::exporterOf);
        modified(config);
    }

    @Deactivate
    void deactivate() {
        uploads.close(STOP_WAIT_MILLIS);
        puts.close(STOP_WAIT_MILLIS);
        closeRecorder();
        context.removeBundleListener(exporters);
    }

    @Modified
    void modified(CacheConfiguration config) {
        uploads.awaitAll();
        puts.awaitAll();
        closeRecorder();
        Optional<RemoteSettings> remoteNow;
        try {
            remoteNow = RemoteSettings.of(config.remoteUrl(), config.remoteReadOnly(), config.remoteTimeoutMillis(),
                config.remoteCredentialsFile(), config.remoteCaFile(), System.getenv());
        } catch (IllegalArgumentException e) {
            Warnings.SYSTEM_LOGGER.warn("the remote cache is not used: " + e.getMessage(), null);
            remoteNow = Optional.empty();
        }
        synchronized (this) {
            settings = new StoreSettings(directoryOf(config.dir(), System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home")),
                config.shared(), config.readOnly(), config.tryOldCacheWithNewHost(), config.maxEntries(), config.maxBytes());
            store = null;
            remoteSettings = remoteNow;
            remote = null;
            recorder = null;
        }
    }

    /** The remote counters changed: they are recorded a little later. */
    private void counted() {
        RemoteRecorder r = recorder;
        if (r != null) {
            r.changed();
        }
    }

    /** Records the remote counters of the current configuration in its directory, and stops recording them. */
    private void closeRecorder() {
        RemoteRecorder r = recorder;
        if (r != null) {
            r.close();
        }
    }

    /** @return the remote cache, made at first use, or null when none is configured or it cannot be used */
    private RemoteTier remote() {
        RemoteTier r = remote;
        if (r == null && remoteSettings.isPresent()) {
            synchronized (this) {
                if (remote == null && remoteSettings.isPresent()) {
                    try {
                        remote = new RemoteTier(remoteSettings.get(), Warnings.SYSTEM_LOGGER);
                        recorder = new RemoteRecorder(remote, this::store);
                    } catch (IllegalArgumentException e) {
                        Warnings.SYSTEM_LOGGER.warn("the remote cache is not used: " + e.getMessage(), e);
                        remoteSettings = Optional.empty();
                    }
                }
                r = remote;
            }
        }
        return r;
    }

    /**
     * @param configured the configured directory, possibly empty or starting with {@code ~/}
     * @param xdgCacheHome the value of {@code XDG_CACHE_HOME}, possibly null
     * @param home the user's home directory
     * @return the cache directory
     */
    static Path directoryOf(String configured, String xdgCacheHome, String home) {
        if (configured != null && !configured.isBlank()) {
            String dir = configured.trim();
            return dir.equals("~") || dir.startsWith("~/") ? Paths.get(home, dir.substring(1)) : Paths.get(dir);
        }
        if (xdgCacheHome != null && Paths.get(xdgCacheHome).isAbsolute()) {
            return Paths.get(xdgCacheHome, "graft");
        }
        return Paths.get(home, ".cache", "graft");
    }

    private CacheStore store() {
        CacheStore s = store;
        if (s == null) {
            synchronized (this) {
                if (store == null) {
                    store = new CacheStore(settings, host(), wiring, Clock.systemUTC(), Warnings.SYSTEM_LOGGER,
                        AtomicFiles.Output.FILE_CHANNEL);
                }
                s = store;
            }
        }
        return s;
    }

    private String host() {
        return compiler.hostFingerprint().canonical();
    }

    @Override
    public CacheKey key(SourcePlugin plugin, CompileOptions options) {
        return Digests.key(plugin, options, host());
    }

    @Override
    public Lookup find(CacheKey key) {
        puts.await(key.value());
        return orRemote(key, store().find(key), wiring);
    }

    @Override
    public Lookup find(CacheKey key, Map<String, WiredPackage> planned) {
        puts.await(key.value());
        WiringCheck check = new LiveWiring(p -> planned.containsKey(p) ? Optional.of(planned.get(p)) : exporters.exporterOf(p));
        return orRemote(key, store().find(key, check), check);
    }

    /** A local hit as it is; after a local miss, a checked remote hit, stored locally in the background. */
    private Lookup orRemote(CacheKey key, Lookup local, WiringCheck check) {
        RemoteTier r = local.isHit() ? null : remote();
        if (r == null) {
            return local;
        }
        Optional<RemoteTier.Fetched> fetched = r.find(key, check);
        counted();
        if (fetched.isEmpty()) {
            return local;
        }
        CacheStore s = store();
        RemoteTier.Fetched f = fetched.get();
        puts.submit(key.value(), () -> s.putFetched(key, f.entry(), f.jar()));
        return Lookup.hit(f.entry().usedAt(Clock.systemUTC().instant()), f.jar().clone());
    }

    @Override
    public StoreResult put(CacheKey key, Build build) {
        puts.await(key.value());
        StoreResult result = store().put(key, build);
        upload(key, build);
        return result;
    }

    @Override
    public void putInBackground(CacheKey key, Build build) {
        CacheStore s = store();
        puts.submit(key.value(), () -> s.put(key, build));
        upload(key, build);
    }

    private void upload(CacheKey key, Build build) {
        RemoteTier r = remote();
        if (r == null || r.settings().readOnly() || !build.succeeded() || build.bundle().isEmpty()) {
            return;
        }
        uploads.submit(key.value(), () -> {
            r.upload(CacheStore.entryOf(key, build, Clock.systemUTC().instant()), build.bundle().get());
            counted();
        });
    }

    @Override
    public List<CacheEntry> list() {
        puts.awaitAll();
        return store().list();
    }

    @Override
    public CacheStats stats() {
        puts.awaitAll();
        return store().stats();
    }

    @Override
    public RemoteStats remoteStats() {
        uploads.awaitAll();
        RemoteTier r = remote();
        return r == null ? RemoteStats.none() : r.stats();
    }

    @Override
    public List<RemoteStats> recordedRemoteStats() {
        uploads.awaitAll();
        RemoteRecorder counting = remote() == null ? null : recorder;
        Map<String, RemoteStats> byUrl = new LinkedHashMap<>();
        if (counting != null) {
            counting.record();
        }
        store().recordedRemote().forEach(s -> byUrl.put(s.url(), s));
        if (counting != null) {
            RemoteStats left = counting.unrecorded();
            if (!RemoteCounts.isZero(left)) {
                byUrl.merge(left.url(), left, RemoteCounts::plus);
            }
        }
        return List.copyOf(byUrl.values());
    }

    @Override
    public VerifyReport verify() {
        puts.awaitAll();
        return store().verify();
    }

    @Override
    public PruneReport prune() {
        puts.awaitAll();
        return store().prune();
    }

    @Override
    public void clean() {
        uploads.awaitAll();
        puts.awaitAll();
        RemoteRecorder r = recorder;
        if (r != null) {
            r.forget();
        }
        store().clean();
    }

    @Override
    public Path directory() {
        return settings.directory();
    }

    @Override
    public boolean readOnly() {
        return settings.readOnly();
    }

    @Override
    public int maxEntries() {
        return settings.maxEntries();
    }
}
