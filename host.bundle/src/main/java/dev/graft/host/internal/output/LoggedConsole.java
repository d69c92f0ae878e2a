package dev.graft.host.internal.output;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A {@link Console} whose lines go to a {@link System.Logger}: standard output at INFO, standard error at WARNING. */
public final class LoggedConsole {

    private LoggedConsole() {
    }

    public static Console of(System.Logger log, String prefix) {
        return new Console(stream(log, System.Logger.Level.INFO, prefix), stream(log, System.Logger.Level.WARNING, prefix));
    }

    private static PrintStream stream(System.Logger log, System.Logger.Level level, String prefix) {
        return new PrintStream(new Lines(log, level, prefix), true, StandardCharsets.UTF_8);
    }

    /** Logs each complete line written to it. */
    private static final class Lines extends OutputStream {

        private final System.Logger log;
        private final System.Logger.Level level;
        private final String prefix;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Lines(System.Logger log, System.Logger.Level level, String prefix) {
            this.log = log;
            this.level = level;
            this.prefix = prefix;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
                line.reset();
                log.log(level, prefix + text.replaceFirst("^graft: ", ""));
            } else {
                line.write(b);
            }
        }
    }
}
