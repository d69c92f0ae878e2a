package dev.graft.host.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

import dev.graft.cache.PluginCache;
import dev.graft.compiler.PluginCompiler;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRegistry;

/** The services the commands work with, and the settings they share. */
record Host(BundleContext context, PluginLoader loader, PluginRegistry registry, PluginCompiler compiler, PluginCache cache,
    ConfigurationAdmin configurationAdmin) {

    /** Framework property the launcher sets to the folder that holds graft.jar. */
    static final String HOME_PROPERTY = "graft.home";

    List<Path> sites(List<String> siteOptions) {
        return Sites.choose(siteOptions, System.getenv(Sites.ENVIRONMENT), context.getProperty(HOME_PROPERTY));
    }

    void useCache(String dir) throws IOException {
        if (dir != null) {
            CacheSettings.useDirectory(configurationAdmin, cache, dir);
        }
    }
}
