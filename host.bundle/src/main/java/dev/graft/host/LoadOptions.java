package dev.graft.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How to load: from which sites, which precompiled jars, and whether to use the cache.
 *
 * @param sites the sites in order; the first one with a plugin of a given name wins
 * @param jars precompiled plugin bundles made by {@code graft compile}
 * @param useCache whether to look builds up in the cache and store new ones
 * @param config a deployment's folder of configuration files ({@code CONFIG/NAME/PID.cfg}), laid
 *        over each plugin's own {@code config/} files key by key; empty for none
 */
public record LoadOptions(List<Path> sites, List<Path> jars, boolean useCache, Optional<Path> config) {

    public LoadOptions {
        sites = List.copyOf(sites);
        jars = List.copyOf(jars);
        config = config.map(p -> p.toAbsolutePath().normalize());
    }

    /** Options without a deployment's configuration folder. */
    public LoadOptions(List<Path> sites, List<Path> jars, boolean useCache) {
        this(sites, jars, useCache, Optional.empty());
    }
}
