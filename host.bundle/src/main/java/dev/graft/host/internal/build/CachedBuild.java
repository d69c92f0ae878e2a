package dev.graft.host.internal.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.graft.cache.CacheEntry;
import dev.graft.compiler.Build;
import dev.graft.compiler.BundleSummary;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.WiredPackage;

/**
 * A build taken from the cache, so that the plugins swapped with it can compile against its
 * exports as against a build of the compiler: its summary is read from the jar's manifest (as
 * the compiler makes it: the version {@code 0.0.0} when the header is absent).
 *
 * @param name the plugin's name
 * @param jar the bundle jar
 * @param entry the cache entry it came from
 */
public record CachedBuild(String name, byte[] jar, CacheEntry entry) implements Build {

    @Override
    public boolean succeeded() {
        return true;
    }

    @Override
    public Optional<byte[]> bundle() {
        return Optional.of(jar);
    }

    @Override
    public Optional<BundleSummary> summary() {
        BundleManifest m = BundleManifest.of(jar);
        String version = m.header("Bundle-Version").isEmpty() ? "0.0.0" : m.header("Bundle-Version");
        return Optional.of(new BundleSummary(m.symbolicName(), version, clauses(m.header("Import-Package")),
            clauses(m.header("Export-Package")), List.of(), m.header("Bundle-Activator")));
    }

    @Override
    public List<Diagnostic> diagnostics() {
        return List.of();
    }

    @Override
    public List<WiredPackage> compiledAgainst() {
        return entry.compiledAgainst();
    }

    @Override
    public String sourceDigest() {
        return entry.sourceDigest();
    }

    @Override
    public long millis() {
        return 0;
    }

    /** The clauses of a manifest header: split at the commas that are not inside quotes. */
    static List<String> clauses(String header) {
        List<String> clauses = new ArrayList<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(clause.toString().trim());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        if (!clause.toString().isBlank()) {
            clauses.add(clause.toString().trim());
        }
        return clauses;
    }
}
