package dev.graft.cache.internal;

import java.util.List;
import java.util.Optional;

import dev.graft.compiler.WiredPackage;

/**
 * Whether the wiring a build was compiled against still holds where it would be loaded. In the
 * framework it asks {@link dev.graft.compiler.PluginCompiler#exporterOf}; tests and other processes pass their own.
 */
@FunctionalInterface
public interface WiringCheck {

    /** A check that accepts every wiring. */
    WiringCheck ANY = compiledAgainst -> Optional.empty();

    /**
     * @param compiledAgainst the packages and exporters the build recorded
     * @return empty when every package is still exported by the same bundle content, else a
     *         sentence naming the first package that changed
     */
    Optional<String> staleness(List<WiredPackage> compiledAgainst);
}
