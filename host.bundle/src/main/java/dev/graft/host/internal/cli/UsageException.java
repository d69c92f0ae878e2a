package dev.graft.host.internal.cli;

/** The command line was not understood; the launcher exits with code 2. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
