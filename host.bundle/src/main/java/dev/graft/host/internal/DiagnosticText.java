package dev.graft.host.internal;

import dev.graft.compiler.Diagnostic;

/** Diagnostics printed the way javac prints them: a header line, the source line, a caret. */
final class DiagnosticText {

    private DiagnosticText() {
    }

    /**
     * @param prefix the plugin folder as the user named it, prepended to the file (may be empty)
     * @param d the diagnostic
     * @return one to three lines, without a final line break
     */
    static String format(String prefix, Diagnostic d) {
        String file = d.file().isEmpty() ? (prefix.isEmpty() ? "<plugin>" : prefix) : join(prefix, d.file());
        StringBuilder b = new StringBuilder(file);
        if (d.line() > 0) {
            b.append(':').append(d.line());
            if (d.column() > 0) {
                b.append(':').append(d.column());
            }
        }
        b.append(": ").append(d.severity().name().toLowerCase(java.util.Locale.ROOT)).append(": ").append(d.message());
        if (!d.sourceLine().isEmpty()) {
            b.append('\n').append(d.sourceLine());
            if (d.column() > 0) {
                b.append('\n');
                for (int i = 1; i < d.column(); i++) {
                    b.append(i - 1 < d.sourceLine().length() && d.sourceLine().charAt(i - 1) == '\t' ? '\t' : ' ');
                }
                b.append('^');
            }
        }
        return b.toString();
    }

    private static String join(String prefix, String file) {
        if (prefix.isEmpty()) {
            return file;
        }
        return prefix.endsWith("/") ? prefix + file : prefix + "/" + file;
    }
}
