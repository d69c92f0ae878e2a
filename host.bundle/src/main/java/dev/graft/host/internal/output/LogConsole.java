package dev.graft.host.internal.output;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.Logger;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The graft launcher's console for the OSGi log ({@link ConsoleLog} opens it): every entry at INFO
 * or above is printed on standard error as one line, {@code 12:00:01.234 INFO  [hello] message},
 * with the symbolic name of the bundle that logged it; and the root log level is set to INFO, so
 * that a plugin's {@code logger.info(...)} shows. The framework's own bundle and service events
 * stay out unless they are warnings. The only class of the console that names the Log Service's
 * types, loaded only when the host is wired to them.
 */
final class LogConsole implements LogListener, AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());
    /** The loggers Log Service implementations use for framework events (OSGi Compendium 101.6). */
    private static final String EVENTS = "Events.";

    private final PrintStream out = System.err;
    private final ServiceTracker<LogReaderService, LogReaderService> readers;

    private LogConsole(BundleContext context) {
        readers = new ServiceTracker<>(context, LogReaderService.class, null) {
            @Override
            public LogReaderService addingService(ServiceReference<LogReaderService> reference) {
                LogReaderService reader = super.addingService(reference);
                reader.addLogListener(LogConsole.this);
                return reader;
            }

            @Override
            public void removedService(ServiceReference<LogReaderService> reference, LogReaderService reader) {
                reader.removeLogListener(LogConsole.this);
                super.removedService(reference, reader);
            }
        };
    }

    /** Sets the root level to INFO and prints the entries of every Log Service, until closed. */
    static AutoCloseable open(BundleContext context) {
        ServiceReference<LoggerAdmin> admin = context.getServiceReference(LoggerAdmin.class);
        if (admin != null) {
            LoggerAdmin service = context.getService(admin);
            if (service != null) {
                service.getLoggerContext(null).setLogLevels(Map.of(Logger.ROOT_LOGGER_NAME, LogLevel.INFO,
                    "Events.Bundle", LogLevel.WARN, "Events.Service", LogLevel.WARN, "Events.Framework", LogLevel.WARN));
                context.ungetService(admin);
            }
        }
        LogConsole console = new LogConsole(context);
        console.readers.open();
        return console;
    }

    @Override
    public void close() {
        readers.close();
    }

    @Override
    public void logged(LogEntry entry) {
        if (shown(entry)) {
            out.println(line(entry));
        }
    }
    static boolean shown(LogEntry entry) {
        LogLevel level = entry.getLogLevel();
        if (entry.getLoggerName() != null && entry.getLoggerName().startsWith(EVENTS)) {
            return LogLevel.WARN.implies(level);
        }
        return LogLevel.INFO.implies(level);
    }

    /** @return {@code TIME LEVEL [bundle] message}, and the exception's class and message when there is one */
    static String line(LogEntry entry) {
        Bundle bundle = entry.getBundle();
        String name = bundle == null ? "?" : bundle.getSymbolicName() == null ? "bundle " + bundle.getBundleId() : bundle.getSymbolicName();
        StringBuilder line = new StringBuilder()
            .append(TIME.format(Instant.ofEpochMilli(entry.getTime())))
            .append(' ').append(String.format(Locale.ROOT, "%-5s", entry.getLogLevel().name()))
            .append(" [").append(name).append("] ")
            .append(entry.getMessage());
        Throwable e = entry.getException();
        if (e != null) {
            line.append(": ").append(e);
        }
        return line.toString();
    }
}
