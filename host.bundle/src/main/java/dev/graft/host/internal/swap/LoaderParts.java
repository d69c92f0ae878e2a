package dev.graft.host.internal.swap;

import java.util.function.Predicate;

import dev.graft.cache.PluginCache;
import dev.graft.compiler.PluginCompiler;
import dev.graft.host.internal.start.BundleStarter;
import dev.graft.host.internal.start.RecordKeeper;

/**
 * What the loader lends to the steps it delegates to (a swap of a set): its services, its starter,
 * and whether a plugin is built with the cache.
 *
 * @param compiler the compiler
 * @param cache the cache
 * @param registry the registry, with its writes
 * @param starter the starter
 * @param cacheUse whether a plugin, by name, is built with the cache
 * @param deploymentOf the deployment's configuration folder for a plugin folder, if its site has one
 */
public record LoaderParts(PluginCompiler compiler, PluginCache cache, RecordKeeper registry, BundleStarter starter, Predicate<String> cacheUse,
    java.util.function.Function<java.nio.file.Path, java.util.Optional<java.nio.file.Path>> deploymentOf) {

    boolean usesCache(String name) {
        return cacheUse.test(name);
    }
}
