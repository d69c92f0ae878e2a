package dev.graft.host.internal.output;

import dev.graft.compiler.Diagnostic;

/** Diagnostics printed the way javac prints them: a header line, the source line, a caret. */
public final class DiagnosticText {

    /** The most characters of a source line printed under a diagnostic. */
    static final int MAX_ECHO = 160;
    private static final String CUT = "...";

    private DiagnosticText() {
    }

    /**
     * @param prefix the plugin folder as the user named it, prepended to the file (may be empty)
     * @param d the diagnostic
     * @return one to three lines, without a final line break
     */
    public static String format(String prefix, Diagnostic d) {
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
            Echo echo = Echo.of(d.sourceLine(), d.column());
            b.append('\n').append(echo.text());
            if (echo.caret() > 0) {
                b.append('\n');
                for (int i = 1; i < echo.caret(); i++) {
                    b.append(i - 1 < echo.text().length() && echo.text().charAt(i - 1) == '\t' ? '\t' : ' ');
                }
                b.append('^');
            }
        }
        return b.toString();
    }

    /**
     * The part of a source line that is printed, and the column of the caret in it: a line longer
     * than {@link #MAX_ECHO} characters is cut to that many around the column, each cut end marked
     * with {@code ...} (a generated or hostile source may hold megabytes on one line).
     */
    record Echo(String text, int caret) {

        static Echo of(String line, int column) {
            if (line.length() <= MAX_ECHO) {
                return new Echo(line, column);
            }
            int at = Math.max(0, Math.min(column, line.length()) - 1);
            int start = Math.max(0, Math.min(at - MAX_ECHO / 2, line.length() - MAX_ECHO));
            int end = start + MAX_ECHO;
            String head = start > 0 ? CUT : "";
            String text = head + line.substring(start, end) + (end < line.length() ? CUT : "");
            return new Echo(text, column > 0 ? column - start + head.length() : 0);
        }
    }

    private static String join(String prefix, String file) {
        if (prefix.isEmpty() || file.startsWith("/")) {
            return file;
        }
        return prefix.endsWith("/") ? prefix + file : prefix + "/" + file;
    }
}
