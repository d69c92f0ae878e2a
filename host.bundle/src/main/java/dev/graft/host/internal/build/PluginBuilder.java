package dev.graft.host.internal.build;

import java.util.ArrayList;
import java.util.List;

import dev.graft.cache.CacheEntry;
import dev.graft.cache.CacheKey;
import dev.graft.cache.Lookup;
import dev.graft.cache.PluginCache;
import dev.graft.compiler.Build;
import dev.graft.compiler.CompileOptions;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.SourcePlugin;
import dev.graft.host.internal.output.DiagnosticText;

/** Turns a source plugin into bundle bytes: from the cache when it holds a valid entry, else by compiling (and storing). */
public final class PluginBuilder {

    /** What building gave: the bundle, or the problems that stopped it. */
    public record Result(String name, byte[] bundle, boolean fromCache, String sourceDigest, long millis, List<String> problems,
        List<Diagnostic> diagnostics) {

        public boolean succeeded() {
            return bundle != null;
        }

        /** The source digest that names a bundle location; a precompiled jar without one gets zeros. */
        public String locationDigest() {
            return sourceDigest.isEmpty() ? "000000000000" : sourceDigest;
        }
    }

    private final PluginCompiler compiler;
    private final PluginCache cache;

    public PluginBuilder(PluginCompiler compiler, PluginCache cache) {
        this.compiler = compiler;
        this.cache = cache;
    }

    public Result build(SourcePlugin plugin, CompileOptions options, String displayFolder, boolean useCache) {
        long start = System.nanoTime();
        CacheKey key = null;
        if (useCache) {
            key = cache.key(plugin, options);
            Lookup lookup = cache.find(key);
            if (lookup.isHit()) {
                byte[] jar = lookup.bundle().orElseThrow();
                // the checksummed entry records the digest its jar's manifest carries; reading it there saves parsing the jar
                String digest = lookup.entry().map(CacheEntry::sourceDigest).filter(d -> !d.isEmpty())
                    .orElseGet(() -> BundleManifest.of(jar).sourceDigest());
                List<Diagnostic> ownership = compiler.exportOwnership(jar);
                if (ownership.stream().anyMatch(Diagnostic::isError)) {
                    return failed(plugin.name(), digest, start, ownership, displayFolder);
                }
                return new Result(plugin.name(), jar, true, digest, millisSince(start), List.of(), List.of());
            }
        }
        Build build = compiler.compile(plugin, options, List.of());
        if (!build.succeeded()) {
            return failed(plugin.name(), build.sourceDigest(), start, build.diagnostics(), displayFolder);
        }
        if (key != null) {
            cache.putInBackground(key, build);
        }
        return new Result(plugin.name(), build.bundle().orElseThrow(), false, build.sourceDigest(), millisSince(start), List.of(),
            build.diagnostics());
    }

    /** An outcome without a bundle, whose problems are the errors among the diagnostics. */
    static Result failed(String name, String sourceDigest, long nanoStart, List<Diagnostic> diagnostics, String displayFolder) {
        List<String> problems = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            if (d.isError()) {
                problems.add(DiagnosticText.format(displayFolder, d));
            }
        }
        return new Result(name, null, false, sourceDigest, millisSince(nanoStart), problems, diagnostics);
    }

    public static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000L;
    }
}
