package dev.graft.test;

import java.util.List;
import java.util.function.Predicate;

import dev.graft.compiler.Diagnostic;

/**
 * Narrows the diagnostics of one severity down, step by step, to those that match; each step
 * fails when none is left, showing every diagnostic it chose from.
 *
 * <p>A file given to {@link #at(String, int, int)} matches a diagnostic's file when it is the
 * same relative path ({@code src/com/acme/Hello.java}) or a suffix of it that starts at a path
 * segment ({@code Hello.java}, {@code acme/Hello.java}); {@code bnd.bnd} is the plugin's
 * {@code bnd.bnd}.
 */
public final class DiagnosticAssert {

    private final String subject;
    private final String expected;
    private final List<Diagnostic> pool;
    private final List<Diagnostic> matching;

    DiagnosticAssert(String subject, String expected, List<Diagnostic> pool, List<Diagnostic> matching) {
        this.subject = subject;
        this.expected = expected;
        this.pool = pool;
        this.matching = matching;
    }

    /**
     * Keeps the diagnostics at a position.
     *
     * @param file the file, matched as the class documentation says
     * @param line the 1-based line
     * @param column the 1-based column
     * @return the narrowed assertion
     */
    public DiagnosticAssert at(String file, int line, int column) {
        return narrow(" at " + file + ":" + line + ":" + column,
            d -> sameFile(d.file(), file) && d.line() == line && d.column() == column);
    }

    /**
     * Keeps the diagnostics on a line, whatever their column.
     *
     * @param file the file, matched as the class documentation says
     * @param line the 1-based line
     * @return the narrowed assertion
     */
    public DiagnosticAssert at(String file, int line) {
        return narrow(" at " + file + ":" + line, d -> sameFile(d.file(), file) && d.line() == line);
    }

    /**
     * Keeps the diagnostics whose message contains a text.
     *
     * @param text part of the message
     * @return the narrowed assertion
     */
    public DiagnosticAssert containing(String text) {
        return narrow(" containing \"" + text + "\"", d -> d.message().contains(text));
    }

    /**
     * Keeps the diagnostics whose message is exactly a text.
     *
     * @param message the whole message
     * @return the narrowed assertion
     */
    public DiagnosticAssert withMessage(String message) {
        return narrow(" with message \"" + message + "\"", d -> d.message().equals(message));
    }

    /**
     * Keeps the diagnostics whose source line is exactly a text.
     *
     * @param sourceLine the offending line as it is in the file
     * @return the narrowed assertion
     */
    public DiagnosticAssert withSourceLine(String sourceLine) {
        return narrow(" on source line \"" + sourceLine + "\"", d -> d.sourceLine().equals(sourceLine));
    }

    /** @return the first diagnostic that matched every step */
    public Diagnostic diagnostic() {
        return matching.get(0);
    }

    private DiagnosticAssert narrow(String step, Predicate<Diagnostic> test) {
        List<Diagnostic> left = matching.stream().filter(test).toList();
        String now = expected + step;
        if (left.isEmpty()) {
            throw new AssertionError("expected the " + subject + " to have " + now + ", but its "
                + pool.get(0).severity().name().toLowerCase(java.util.Locale.ROOT) + (pool.size() == 1 ? " is:" : "s are:")
                + BuildAssert.describe(pool));
        }
        return new DiagnosticAssert(subject, now, pool, left);
    }

    static boolean sameFile(String actual, String expected) {
        return actual.equals(expected) || actual.endsWith("/" + expected);
    }
}
