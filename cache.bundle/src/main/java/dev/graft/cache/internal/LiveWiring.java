package dev.graft.cache.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.WiredPackage;

/**
 * The wiring check of the running framework: each recorded package must be exported now by the
 * bundle {@link PluginCompiler#exporterOf} picks (as the compiler did when it recorded it), with the same symbolic
 * name, version and content digest.
 */
final class LiveWiring implements WiringCheck {

    private final Function<String, Optional<WiredPackage>> exporters;

    /** @param exporters the exporter {@link PluginCompiler#exporterOf} would pick for a package, possibly remembered */
    LiveWiring(Function<String, Optional<WiredPackage>> exporters) {
        this.exporters = exporters;
    }

    @Override
    public Optional<String> staleness(List<WiredPackage> compiledAgainst) {
        for (WiredPackage recorded : compiledAgainst) {
            Optional<WiredPackage> now = exporters.apply(recorded.packageName());
            if (now.isEmpty()) {
                return Optional.of(recorded.packageName() + " is no longer exported (it was exported by "
                    + recorded.exporter() + " " + recorded.exporterVersion() + ")");
            }
            if (!now.get().equals(recorded)) {
                return Optional.of(recorded.packageName() + " was exported by " + describe(recorded) + ", now by " + describe(now.get()));
            }
        }
        return Optional.empty();
    }

    private static String describe(WiredPackage w) {
        return w.exporter() + " " + w.exporterVersion() + " (content " + w.exporterDigest().substring(0, Math.min(12, w.exporterDigest().length())) + ")";
    }
}
