package dev.graft.compiler;

/**
 * One problem found while compiling or packaging a source plugin.
 *
 * @param severity how bad it is
 * @param file the file relative to the plugin folder, for example {@code src/com/acme/Hello.java};
 *        empty when the problem concerns the whole plugin
 * @param line the 1-based line, or 0 when the problem has no position
 * @param column the 1-based column, or 0 when the problem has no position
 * @param message what is wrong, in plain words
 * @param sourceLine the text of the offending line, or empty
 */
public record Diagnostic(Severity severity, String file, int line, int column, String message, String sourceLine) {

    /** How bad a diagnostic is. */
    public enum Severity {
        /** The build fails. */
        ERROR,
        /** The build succeeds, but something is probably wrong. */
        WARNING,
        /** Worth knowing, nothing is wrong. */
        INFO
    }

    public Diagnostic {
        if (severity == null || file == null || message == null || sourceLine == null) {
            throw new IllegalArgumentException("a diagnostic has no null parts");
        }
    }

    /**
     * A diagnostic about the whole plugin or a whole file, with no position.
     *
     * @param severity how bad it is
     * @param file the file, or empty
     * @param message what is wrong
     * @return the diagnostic
     */
    public static Diagnostic of(Severity severity, String file, String message) {
        return new Diagnostic(severity, file, 0, 0, message, "");
    }

    /** @return whether this diagnostic fails the build */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * The diagnostic the way javac prints it: {@code file:line:col: error: message}.
     *
     * @return one line of text, without the source line
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(file.isEmpty() ? "<plugin>" : file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        return b.append(": ").append(severity.name().toLowerCase(java.util.Locale.ROOT)).append(": ").append(message).toString();
    }
}
