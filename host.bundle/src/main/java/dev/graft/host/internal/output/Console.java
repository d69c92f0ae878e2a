package dev.graft.host.internal.output;

import java.io.PrintStream;

/**
 * Where a command prints: results to {@code out}, progress and errors to {@code err}.
 *
 * @param out standard output
 * @param err standard error
 */
public record Console(PrintStream out, PrintStream err) {

    public static Console system() {
        return new Console(System.out, System.err);
    }
}
