package dev.graft.host.internal.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleException;
import org.osgi.util.tracker.ServiceTracker;

import dev.graft.host.GraftMain;
import dev.graft.host.internal.output.Console;

/** {@code graft shell}: load the sites, then the Felix Gogo shell with Graft's commands. */
final class ShellCommand extends Command {

    private static final long PROCESSOR_WAIT_MILLIS = 10_000;

    private final CommandServices host;
    private final RunCommand loading;

    ShellCommand(CommandServices host, CountDownLatch stopped) {
        super("shell",
            "graft shell [--site DIR]... [--cache DIR] [--cache-max-entries N] [--remote-cache URL [--remote-cache-read-only] [--remote-cache-ca FILE]] [--jar FILE]... [--http [HOST:]PORT] [--config DIR] [--no-cache] [--verbose]",
            "load the sites, then open the Felix Gogo shell with the graft:* commands",
            """
                Shell commands: graft:list, graft:load DIR, graft:unload NAME [--with-dependants],
                graft:reload NAME, graft:swap NAME [DIR], graft:swap NAME --dry-run,
                graft:check DIR, graft:which NAME, graft:cache stats|ls|verify|prune|clean, and Gogo's own
                (lb, help, ...). Leave with Ctrl-D or 'exit [CODE]'; Ctrl-C stops Graft.
    
                Options are those of 'graft run'.""");
        this.host = host;
        this.loading = new RunCommand(host, stopped);
    }

    @Override
    int run(List<String> args, Console console) throws UsageException {
        Arguments a = Arguments.parse(args, Set.of("--site", "--cache", CommandServices.CACHE_MAX_ENTRIES, CommandServices.REMOTE_CACHE, CommandServices.REMOTE_CACHE_CA, "--jar",
            HttpWhiteboard.OPTION, "--config"), Set.of("--no-cache", "--verbose", CommandServices.REMOTE_CACHE_READ_ONLY));
        if (!loading.serveHttp(a, console)) {
            return RunCommand.EXIT_NO_WHITEBOARD;
        }
        if (loading.load(a, console) == null) {
            return GraftMain.EXIT_FAILED;
        }
        try {
            ShellBundles.start(host.context());
        } catch (BundleException e) {
            console.err().println("graft shell: cannot start the shell: " + e.getMessage());
            return GraftMain.EXIT_FAILED;
        }
        ServiceTracker<CommandProcessor, CommandProcessor> processors;
        try {
            processors = new ServiceTracker<>(host.context(), CommandProcessor.class, null);
        } catch (NoClassDefFoundError e) {
            console.err().println("graft shell: the Gogo shell is not installed");
            return GraftMain.EXIT_FAILED;
        }
        processors.open();
        try {
            CommandProcessor processor = processors.waitForService(PROCESSOR_WAIT_MILLIS);
            if (processor == null) {
                console.err().println("graft shell: the Gogo shell is not installed");
                return GraftMain.EXIT_FAILED;
            }
            return session(processor, console);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return GraftMain.EXIT_FAILED;
        } finally {
            processors.close();
        }
    }

    private static int session(CommandProcessor processor, Console console) {
        // Gogo routes System.out through the session itself, so the session gets the process's own streams
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
        Keyboard keyboard = new Keyboard(new FileInputStream(FileDescriptor.in));
        try (CommandSession session = processor.createSession(keyboard, out, err)) {
            session.put("exit", keyboard.exitCommand());
            session.execute("gosh --login --noshutdown");
            return keyboard.exitCode();
        } catch (Exception e) {
            console.err().println("graft shell: " + e);
            return GraftMain.EXIT_FAILED;
        }
    }

    /**
     * The shell's standard input, which {@code exit [CODE]} ends: the shell then reads the end of
     * its input and stops as after Ctrl-D, and Graft exits with the code. Without it, {@code exit}
     * is {@code System.exit} (Gogo's profile adds System's methods as commands), which halts the
     * process under the shell that is still reading; closing the session instead interrupts the
     * command that closes it.
     */
    private static final class Keyboard extends FilterInputStream {

        private volatile Integer exitCode;

        Keyboard(InputStream in) {
            super(in);
        }

        int exitCode() {
            return exitCode == null ? GraftMain.EXIT_OK : exitCode;
        }

        Function exitCommand() {
            return (session, arguments) -> {
                try {
                    exitCode = arguments.isEmpty() ? GraftMain.EXIT_OK : Integer.parseInt(String.valueOf(arguments.get(0)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("exit: not a number: " + arguments.get(0));
                }
                return null;
            };
        }

        @Override
        public int read() throws IOException {
            return exitCode != null ? -1 : super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return exitCode != null ? -1 : super.read(b, off, len);
        }

        @Override
        public int available() throws IOException {
            return exitCode != null ? 0 : super.available();
        }
    }
}
