package dev.graft.compiler;

/** A source plugin folder cannot be read: invalid name, over a limit, unreadable file. */
public class SourceException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Diagnostic diagnostic;

    /**
     * @param diagnostic what is wrong, with the file it concerns
     */
    public SourceException(Diagnostic diagnostic) {
        super(diagnostic.toString());
        this.diagnostic = diagnostic;
    }

    /** @return what is wrong, as a diagnostic */
    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
