package dev.graft.compiler.internal;

/** A configuration file that cannot be read, at a line. */
final class ConfigSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    final String file;
    final int line;

    ConfigSyntaxException(String file, int line, String message) {
        super(message);
        this.file = file;
        this.line = line;
    }
}
