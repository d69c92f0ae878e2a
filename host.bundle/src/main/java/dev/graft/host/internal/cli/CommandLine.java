package dev.graft.host.internal.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.ToIntFunction;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import dev.graft.host.GraftMain;
import dev.graft.host.internal.output.Console;

/**
 * The {@code graft} command line inside the framework: the launcher hands it the arguments and
 * exits with the code it returns. It parses the global options and dispatches to a {@link Command}.
 */
@Component(service = ToIntFunction.class, property = GraftMain.PROPERTY + ":Boolean=true")
public final class CommandLine implements ToIntFunction<String[]> {

    @Reference
    CommandServices host;

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
        for (Command c : List.of(new RunCommand(host, stopped), new CheckCommand(host), new CompileCommand(host),
            new ListCommand(host), new WhichCommand(host), new ConfigCommand(host), new CacheCommand(host), new ShellCommand(host, stopped))) {
            commands.put(c.name(), c);
        }
    }

    /** Ends a running {@code graft run} or {@code graft shell} when the framework stops (Ctrl-C). */
    @Deactivate
    void deactivate() {
        stopped.countDown();
    }

    @Override
    public int applyAsInt(String[] args) {
        return run(List.of(args), Console.system());
    }

    int run(List<String> args, Console console) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            if (args.size() > 1 && commands.containsKey(args.get(1))) {
                printCommandHelp(commands.get(args.get(1)), console);
            } else {
                printHelp(console);
            }
            return args.isEmpty() ? GraftMain.EXIT_USAGE : GraftMain.EXIT_OK;
        }
        String first = args.get(0);
        if (first.equals("--version") || first.equals("-V") || first.equals("version")) {
            Versions.of(context).forEach((part, version) -> console.out().printf("%-7s %s%n", part, version));
            return GraftMain.EXIT_OK;
        }
        Command command = commands.get(first);
        if (command == null) {
            console.err().println("graft: unknown command '" + first + "'. Run 'graft --help' for the list of commands.");
            return GraftMain.EXIT_USAGE;
        }
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        if (rest.contains("--help") || rest.contains("-h")) {
            printCommandHelp(command, console);
            return GraftMain.EXIT_OK;
        }
        try {
            return command.run(rest, console);
        } catch (UsageException e) {
            console.err().println("graft " + command.name() + ": " + e.getMessage());
            console.err().println("usage: " + command.usage());
            return GraftMain.EXIT_USAGE;
        }
    }

    private void printHelp(Console console) {
        console.out().println("usage: graft [--version] [--help] COMMAND [ARGS]");
        console.out().println();
        console.out().println("Graft compiles source plugins (folders of .java files) into OSGi bundles and runs them");
        console.out().println("in an embedded Apache Felix framework.");
        console.out().println();
        console.out().println("Commands:");
        for (Command c : commands.values()) {
            console.out().printf("  %-10s %s%n", c.name(), c.summary());
        }
        console.out().println();
        console.out().println("Options:");
        console.out().println("  --version  print the versions of Graft, the framework (Felix, Equinox, ...), SCR, ECJ, bndlib and Java");
        console.out().println("  --help     print this help; 'graft COMMAND --help' explains one command");
        console.out().println();
        console.out().println("Exit codes: 0 ok, 1 a plugin, check or command failed, 2 the command line was not understood,");
        console.out().println("3 Graft could not start, 4 a plugin called System.exit at run time (it is named on standard error).");
    }

    private static void printCommandHelp(Command command, Console console) {
        console.out().println("usage: " + command.usage());
        console.out().println();
        console.out().println(command.summary());
        String help = command.help();
        if (!help.isEmpty()) {
            console.out().println();
            console.out().println(help);
        }
    }
}
