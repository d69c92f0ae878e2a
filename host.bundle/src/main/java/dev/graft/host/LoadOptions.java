package dev.graft.host;

import java.nio.file.Path;
import java.util.List;

/**
 * How to load: from which sites, which precompiled jars, and whether to use the cache.
 *
 * @param sites the sites in order; the first one with a plugin of a given name wins
 * @param jars precompiled plugin bundles made by {@code graft compile}
 * @param useCache whether to look builds up in the cache and store new ones
 */
public record LoadOptions(List<Path> sites, List<Path> jars, boolean useCache) {

    public LoadOptions {
        sites = List.copyOf(sites);
        jars = List.copyOf(jars);
    }
}
