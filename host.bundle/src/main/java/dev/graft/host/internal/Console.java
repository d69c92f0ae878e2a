package dev.graft.host.internal;

import java.io.PrintStream;

/**
 * Where a command prints: results to {@code out}, progress and errors to {@code err}.
 *
 * @param out standard output
 * @param err standard error
 */
record Console(PrintStream out, PrintStream err) {

    static Console system() {
        return new Console(System.out, System.err);
    }
}
