package dev.graft.cache.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
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
    private final BackgroundPuts puts = new BackgroundPuts(Warnings.SYSTEM_LOGGER);

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
        puts.close(STOP_WAIT_MILLIS);
        context.removeBundleListener(exporters);
    }

    @Modified
    void modified(CacheConfiguration config) {
        puts.awaitAll();
        synchronized (this) {
            settings = new StoreSettings(directoryOf(config.dir(), System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home")),
                config.shared(), config.readOnly(), config.tryOldCacheWithNewHost(), config.maxEntries(), config.maxBytes());
            store = null;
        }
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
        return store().find(key);
    }

    @Override
    public Lookup find(CacheKey key, Map<String, WiredPackage> planned) {
        puts.await(key.value());
        return store().find(key, new LiveWiring(p -> planned.containsKey(p) ? Optional.of(planned.get(p)) : exporters.exporterOf(p)));
    }

    @Override
    public StoreResult put(CacheKey key, Build build) {
        puts.await(key.value());
        return store().put(key, build);
    }

    @Override
    public void putInBackground(CacheKey key, Build build) {
        CacheStore s = store();
        puts.submit(key.value(), () -> s.put(key, build));
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
        puts.awaitAll();
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
