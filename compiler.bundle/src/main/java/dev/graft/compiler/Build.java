package dev.graft.compiler;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The result of compiling and packaging one source plugin. A failed build carries no bundle; its
 * diagnostics say why. The list of diagnostics is never null and is empty when all is clean.
 */
@ProviderType
public interface Build {

    /** @return the plugin's name */
    String name();

    /** @return whether the build produced a bundle (no error diagnostics) */
    boolean succeeded();

    /** @return the bundle jar, present only when the build succeeded */
    Optional<byte[]> bundle();

    /** @return what the bundle's manifest says; present only when the build succeeded */
    Optional<BundleSummary> summary();

    /** @return every problem, errors first, then warnings and infos, each group in source order */
    List<Diagnostic> diagnostics();

    /** @return the error diagnostics only */
    default List<Diagnostic> errors() {
        return diagnostics().stream().filter(Diagnostic::isError).toList();
    }

    /** @return the packages the bundle was compiled against, with their exporters */
    List<WiredPackage> compiledAgainst();

    /** @return the SHA-256 of the plugin's sources in hex, as in the bundle's provenance header */
    String sourceDigest();

    /** @return how long compiling and packaging took, in milliseconds */
    long millis();
}
