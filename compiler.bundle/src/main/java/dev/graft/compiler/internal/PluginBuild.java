package dev.graft.compiler.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.graft.compiler.Build;
import dev.graft.compiler.BundleSummary;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.WiredPackage;

/** An immutable {@link Build}. A build with an error diagnostic carries no bundle. */
final class PluginBuild implements Build {

    /** Errors first, then warnings, then infos; each group by file, line and column. */
    static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::severity)
        .thenComparing(Diagnostic::file).thenComparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column);

    private final String name;
    private final byte[] bundle;
    private final BundleSummary summary;
    private final List<Diagnostic> diagnostics;
    private final List<WiredPackage> compiledAgainst;
    private final String sourceDigest;
    private final long millis;

    PluginBuild(String name, byte[] bundle, BundleSummary summary, List<Diagnostic> diagnostics,
        List<WiredPackage> compiledAgainst, String sourceDigest, long millis) {
        this.diagnostics = diagnostics.stream().sorted(ORDER).toList();
        boolean ok = this.diagnostics.stream().noneMatch(Diagnostic::isError) && bundle != null;
        this.name = name;
        this.bundle = ok ? bundle : null;
        this.summary = ok ? summary : null;
        this.compiledAgainst = ok ? List.copyOf(compiledAgainst) : List.of();
        this.sourceDigest = sourceDigest;
        this.millis = millis;
    }

    static PluginBuild failed(String name, List<Diagnostic> diagnostics, String sourceDigest, long millis) {
        return new PluginBuild(name, null, null, diagnostics, List.of(), sourceDigest, millis);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean succeeded() {
        return bundle != null;
    }

    @Override
    public Optional<byte[]> bundle() {
        return Optional.ofNullable(bundle).map(byte[]::clone);
    }

    @Override
    public Optional<BundleSummary> summary() {
        return Optional.ofNullable(summary);
    }

    @Override
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    @Override
    public List<WiredPackage> compiledAgainst() {
        return compiledAgainst;
    }

    @Override
    public String sourceDigest() {
        return sourceDigest;
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public String toString() {
        return "Build[" + name + (succeeded() ? ", succeeded" : ", failed") + ", " + diagnostics.size() + " diagnostics]";
    }
}
