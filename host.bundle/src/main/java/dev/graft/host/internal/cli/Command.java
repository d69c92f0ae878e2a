package dev.graft.host.internal.cli;

import java.util.List;

import dev.graft.host.internal.output.Console;

/** One sub-command of the {@code graft} command line: its name, its help, and what it does. */
abstract class Command {

    private final String name;
    private final String usage;
    private final String summary;
    private final String help;

    /**
     * @param name the word that selects the command, for example {@code run}
     * @param usage the usage line, for example {@code graft run [--site DIR]...}
     * @param summary one sentence saying what the command does
     * @param help the text {@code graft NAME --help} prints after the usage line and summary
     */
    Command(String name, String usage, String summary, String help) {
        this.name = name;
        this.usage = usage;
        this.summary = summary;
        this.help = help;
    }

    final String name() {
        return name;
    }

    final String usage() {
        return usage;
    }

    final String summary() {
        return summary;
    }

    final String help() {
        return help;
    }

    /**
     * Runs the command.
     *
     * @param args the arguments after the command's name
     * @param console where to print
     * @return the exit code
     * @throws UsageException when the arguments are not understood
     */
    abstract int run(List<String> args, Console console) throws UsageException;
}
