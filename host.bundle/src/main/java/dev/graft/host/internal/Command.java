package dev.graft.host.internal;

import java.util.List;

/** One sub-command of the {@code graft} command line. */
interface Command {

    /** @return the word that selects this command, for example {@code run} */
    String name();

    /** @return the usage line, for example {@code graft run [--site DIR]...} */
    String usage();

    /** @return one sentence saying what the command does */
    String summary();

    /** @return the full help text printed by {@code graft NAME --help}, after the usage line */
    String help();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command's name
     * @param console where to print
     * @return the exit code
     * @throws UsageException when the arguments are not understood
     */
    int run(List<String> args, Console console) throws UsageException;
}
