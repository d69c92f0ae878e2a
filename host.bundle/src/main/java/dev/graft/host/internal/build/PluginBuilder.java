package dev.graft.host.internal.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import java.util.List;
import java.util.function.Function;

import dev.graft.cache.CacheEntry;
import dev.graft.cache.CacheKey;
import dev.graft.cache.Lookup;
import dev.graft.cache.PluginCache;
import dev.graft.compiler.Build;
import dev.graft.compiler.CompileOptions;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.PluginConfiguration;
import dev.graft.compiler.PluginConfigurations;
import dev.graft.compiler.SourcePlugin;
import dev.graft.host.internal.output.DiagnosticText;

/** Turns a source plugin into bundle bytes: from the cache when it holds a valid entry, else by compiling (and storing). */
public final class PluginBuilder {

    /**
     * What building gave: the bundle, or the problems that stopped it.
     *
     * @param configurations the plugin's configurations (its own with the deployment's laid over
     *        them), checked against the bundle's metatype, with typed values
     */
    public record Result(String name, byte[] bundle, boolean fromCache, String sourceDigest, long millis, List<String> problems,
        List<Diagnostic> diagnostics, List<PluginConfiguration> configurations) {

        public Result(String name, byte[] bundle, boolean fromCache, String sourceDigest, long millis, List<String> problems,
            List<Diagnostic> diagnostics) {
            this(name, bundle, fromCache, sourceDigest, millis, problems, diagnostics, List.of());
        }

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

    public Result build(SourcePlugin plugin, CompileOptions options, String displayFolder, boolean useCache, Optional<Path> deployment) {
        return configured(build(plugin, options, displayFolder, useCache), plugin, deployment, displayFolder);
    }

    /**
     * A build with the plugin's configurations: its {@code config/} files, with the deployment's
     * files for it ({@code DEPLOYMENT/NAME/}) laid over them key by key, checked against the
     * bundle's metatype. A configuration with an error fails the build, so the plugin does not start.
     */
    public static Result configured(Result built, SourcePlugin plugin, Optional<Path> deployment, String displayFolder) {
        if (!built.succeeded()) {
            return built;
        }
        PluginConfigurations.Result checked = configurations(plugin, deployment,
            merged -> PluginConfigurations.check(merged, built.bundle()));
        if (checked.configurations().isEmpty() && checked.diagnostics().isEmpty()) {
            return built;
        }
        List<Diagnostic> all = new ArrayList<>(built.diagnostics());
        all.addAll(checked.diagnostics());
        if (!checked.ok()) {
            return failed(built.name(), built.sourceDigest(), System.nanoTime() - built.millis() * 1_000_000L, all, displayFolder);
        }
        return new Result(built.name(), built.bundle(), built.fromCache(), built.sourceDigest(), built.millis(), built.problems(), all,
            checked.configurations());
    }

    /**
     * A plugin's configurations: its {@code config/} files, with the deployment's files for it
     * ({@code DEPLOYMENT/NAME/}) laid over them key by key, then checked (against the metatype of
     * its bundle).
     *
     * @param check the check of the merged configurations against the bundle's metatype
     * @return the checked configurations, and the problems of every file (a deployment's named by its full path)
     */
    public static PluginConfigurations.Result configurations(SourcePlugin plugin, Optional<Path> deployment,
        Function<List<PluginConfiguration>, PluginConfigurations.Result> check) {
        PluginConfigurations.Result own = PluginConfigurations.read(plugin);
        List<Diagnostic> diagnostics = new ArrayList<>(own.diagnostics());
        List<PluginConfiguration> merged = own.configurations();
        if (deployment.isPresent()) {
            Path folder = deployment.get().resolve(plugin.name());
            PluginConfigurations.Result theirs = PluginConfigurations.read(folder);
            theirs.diagnostics().forEach(d -> diagnostics.add(relocated(d, folder)));
            merged = PluginConfigurations.overridden(merged, theirs.configurations().stream().map(c -> relocated(c, folder)).toList());
        }
        if (merged.isEmpty() && diagnostics.isEmpty()) {
            return new PluginConfigurations.Result(List.of(), List.of());
        }
        PluginConfigurations.Result checked = check.apply(merged);
        diagnostics.addAll(checked.diagnostics());
        return new PluginConfigurations.Result(checked.configurations(), diagnostics);
    }

    /** A deployment file's diagnostic, named by its full path (it is not in the plugin folder). */
    private static Diagnostic relocated(Diagnostic d, Path folder) {
        return new Diagnostic(d.severity(), folder.resolve(d.file()).toString(), d.line(), d.column(), d.message(), d.sourceLine());
    }

    private static PluginConfiguration relocated(PluginConfiguration c, Path folder) {
        String file = folder.resolve(c.file()).toString();
        return new PluginConfiguration(file, c.pid(), c.factoryName(), c.properties().stream()
            .map(p -> new PluginConfiguration.Property(p.key(), p.value(), p.typed(), folder.resolve(p.file()).toString(), p.line())).toList());
    }

    private Result build(SourcePlugin plugin, CompileOptions options, String displayFolder, boolean useCache) {
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
    public static Result failed(String name, String sourceDigest, long nanoStart, List<Diagnostic> diagnostics, String displayFolder) {
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
