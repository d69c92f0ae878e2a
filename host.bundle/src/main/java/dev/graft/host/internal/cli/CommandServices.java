package dev.graft.host.internal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.graft.cache.PluginCache;
import dev.graft.compiler.PluginCompiler;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRegistry;
import dev.graft.host.internal.start.AppliedConfigurations;

/**
 * The services the commands work with, and the settings they share; one component that both the
 * command line and the shell commands use.
 */
@Component(service = CommandServices.class)
public final class CommandServices {

    /** Framework property the launcher sets to the folder that holds graft.jar. */
    static final String HOME_PROPERTY = "graft.home";
    /** The option that sets the cache's limit of entries, for this process. */
    static final String CACHE_MAX_ENTRIES = "--cache-max-entries";
    /** The option that sets the remote cache's base URL, for this process. */
    static final String REMOTE_CACHE = "--remote-cache";
    /** The flag that makes this process only read the remote cache. */
    static final String REMOTE_CACHE_READ_ONLY = "--remote-cache-read-only";
    /** The option that names a PEM file of CA certificates trusted for the remote cache's HTTPS. */
    static final String REMOTE_CACHE_CA = "--remote-cache-ca";

    @Reference
    PluginLoader loader;
    @Reference
    PluginRegistry registry;
    @Reference
    PluginCompiler compiler;
    @Reference
    PluginCache cache;
    @Reference
    ConfigurationAdmin configurationAdmin;
    @Reference
    AppliedConfigurations appliedConfigurations;

    private BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
    }

    BundleContext context() {
        return context;
    }

    PluginLoader loader() {
        return loader;
    }

    PluginRegistry registry() {
        return registry;
    }

    PluginCompiler compiler() {
        return compiler;
    }

    PluginCache cache() {
        return cache;
    }

    ConfigurationAdmin configurationAdmin() {
        return configurationAdmin;
    }

    AppliedConfigurations appliedConfigurations() {
        return appliedConfigurations;
    }

    List<Path> sites(List<String> siteOptions) {
        return Sites.choose(siteOptions, System.getenv(Sites.ENVIRONMENT), context.getProperty(HOME_PROPERTY));
    }

    /**
     * Applies {@code --cache DIR}, {@code --cache-max-entries N} and the remote cache's options when given.
     *
     * @throws UsageException when the limit is not a positive number, the remote cache's URL is not an
     *         http(s) URL without credentials, or its CA file is given without it or holds no certificate
     */
    void useCache(Arguments a) throws IOException, UsageException {
        String dir = a.one("--cache", null);
        Integer maxEntries = maxEntries(a.one(CACHE_MAX_ENTRIES, null));
        String remote = CacheSettings.remoteUrl(a.one(REMOTE_CACHE, null));
        boolean remoteReadOnly = a.has(REMOTE_CACHE_READ_ONLY);
        String caFile = CacheSettings.caFile(a.one(REMOTE_CACHE_CA, null), remote);
        if (dir != null || maxEntries != null || remote != null || remoteReadOnly) {
            CacheSettings.use(configurationAdmin, cache, dir, maxEntries, remote, remoteReadOnly, caFile);
        }
    }

    /**
     * Applies {@code --policy FILE} when given.
     *
     * @throws UsageException when the file cannot be read or is not a policy
     */
    void usePolicy(Arguments a) throws IOException, UsageException {
        String file = a.one(PolicySettings.OPTION, null);
        if (file != null) {
            PolicySettings.use(configurationAdmin, compiler, Path.of(file));
        }
    }

    /** @return the limit the option gives, or null without the option */
    private static Integer maxEntries(String value) throws UsageException {
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the same answer as a number below 1
        }
        throw new UsageException(CACHE_MAX_ENTRIES + " takes a number of entries above 0, not " + value);
    }
}
