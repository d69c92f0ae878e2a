package dev.graft.compiler.internal;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

import org.eclipse.jdt.internal.compiler.impl.CompilerOptions;

import dev.graft.compiler.CompileOptions;
import dev.graft.compiler.ImportPolicy;

/**
 * The compiler's configuration read once: default compile options, limits, deadline and stack.
 *
 * @param options the options used when a caller gives none
 * @param limits the limits on a plugin's files
 * @param deadlineMillis how long one compile and package may take
 * @param stackBytes the stack size of the compiler thread
 * @param maxNesting the deepest nesting of brackets a source may have
 */
record Settings(CompileOptions options, SourceLimits limits, long deadlineMillis, long stackBytes, int maxNesting) {

    static Settings of(CompilerConfiguration config) {
        int release = config.release() > 0 ? config.release() : defaultRelease();
        Charset encoding;
        try {
            encoding = Charset.forName(config.encoding());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("unknown encoding '" + config.encoding() + "' in the configuration of " + CompilerConfiguration.PID, e);
        }
        ImportPolicy policy = ImportPolicy.parse(config.importPolicy(), "the importPolicy of " + CompilerConfiguration.PID);
        return new Settings(new CompileOptions(release, config.warningsAsErrors(), config.debugInfo(), encoding).withImportPolicy(policy),
            new SourceLimits(config.maxFiles(), config.maxTotalBytes(), config.maxFileBytes()),
            Math.max(1, config.compileDeadlineMillis()), Math.max(1, config.stackMiB()) * 1024L * 1024L, Math.max(1, config.maxNesting()));
    }

    /** @return the running Java's feature release, capped at the newest release ECJ supports */
    static int defaultRelease() {
        return Math.min(Runtime.version().feature(), latestEcjRelease());
    }

    /** @return the newest Java release this ECJ compiles for */
    static int latestEcjRelease() {
        String latest = CompilerOptions.getLatestVersion();
        return Integer.parseInt(latest.startsWith("1.") ? latest.substring(2) : latest);
    }
}
