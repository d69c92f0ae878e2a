package dev.graft.compiler.internal;

import java.util.Map;
import java.util.Optional;

import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.Diagnostic.Severity;

/**
 * Limits on a source plugin's files, checked from sizes alone before any content is read.
 *
 * @param maxFiles the most files a plugin may have
 * @param maxTotalBytes the largest total size
 * @param maxFileBytes the largest size of one file
 */
record SourceLimits(int maxFiles, long maxTotalBytes, long maxFileBytes) {

    /**
     * @param sizes the size of each file by relative path
     * @return the first limit exceeded, as an error diagnostic
     */
    Optional<Diagnostic> check(Map<String, Long> sizes) {
        if (sizes.size() > maxFiles) {
            return Optional.of(Diagnostic.of(Severity.ERROR, "", "the plugin has " + sizes.size()
                + " files, over the limit of " + maxFiles + " files (maxFiles)"));
        }
        long total = 0;
        for (Map.Entry<String, Long> e : sizes.entrySet()) {
            if (e.getValue() > maxFileBytes) {
                return Optional.of(Diagnostic.of(Severity.ERROR, e.getKey(), "the file is " + e.getValue()
                    + " bytes, over the limit of " + maxFileBytes + " bytes per file (maxFileBytes)"));
            }
            total += e.getValue();
        }
        if (total > maxTotalBytes) {
            return Optional.of(Diagnostic.of(Severity.ERROR, "", "the plugin's files total " + total
                + " bytes, over the limit of " + maxTotalBytes + " bytes (maxTotalBytes)"));
        }
        return Optional.empty();
    }
}
