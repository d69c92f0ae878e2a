package dev.graft.host.internal;

import java.util.function.Predicate;

import dev.graft.cache.PluginCache;
import dev.graft.compiler.PluginCompiler;
import dev.graft.host.PluginRegistry;

/**
 * What the loader lends to the steps it delegates to (a swap of a set): its services, its starter,
 * and whether a plugin is built with the cache.
 *
 * @param compiler the compiler
 * @param cache the cache
 * @param registry the registry
 * @param starter the starter
 * @param cacheUse whether a plugin, by name, is built with the cache
 */
record LoaderParts(PluginCompiler compiler, PluginCache cache, PluginRegistry registry, BundleStarter starter, Predicate<String> cacheUse) {

    boolean usesCache(String name) {
        return cacheUse.test(name);
    }
}
