package dev.graft.test.it;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.graft.compiler.Build;
import dev.graft.compiler.BundleSummary;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.WiredPackage;

/**
 * A successful build made up by a test: a batch build whose bundle the compiler reads (and which
 * may block or throw when asked), or an entry to store in the cache.
 *
 * @param name the plugin's name
 * @param jar what {@link #bundle()} answers; it may block or throw
 * @param exported the summary's exported package, or null for no summary
 * @param compiledAgainst the wiring the build claims
 * @param sourceDigest the source digest it claims
 */
public record FixedBuild(String name, Supplier<byte[]> jar, String exported, List<WiredPackage> compiledAgainst, String sourceDigest)
    implements Build {

    /** A batch build exporting {@code pkg} whose bundle is whatever {@code jar} answers. */
    public static FixedBuild exporting(String pkg, Supplier<byte[]> jar) {
        return new FixedBuild(pkg, jar, pkg, List.of(), "0");
    }

    @Override
    public boolean succeeded() {
        return true;
    }

    @Override
    public Optional<byte[]> bundle() {
        return Optional.of(jar.get());
    }

    @Override
    public Optional<BundleSummary> summary() {
        return exported == null ? Optional.empty()
            : Optional.of(new BundleSummary(name, "1.0.0", List.of(), List.of(exported + ";version=\"1.0.0\""), List.of(), ""));
    }

    @Override
    public List<Diagnostic> diagnostics() {
        return List.of();
    }

    @Override
    public long millis() {
        return 0;
    }
}
