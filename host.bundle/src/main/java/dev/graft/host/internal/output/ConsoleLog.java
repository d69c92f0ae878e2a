package dev.graft.host.internal.output;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.Logger;
import org.osgi.service.log.admin.LoggerAdmin;

/**
 * The graft launcher's console for the OSGi log: when the framework property
 * {@value #PROPERTY} is {@code true} (the launcher sets it), every entry at INFO or above is
 * printed on standard error as one line, {@code 12:00:01.234 INFO  [hello] message}, with the
 * symbolic name of the bundle that logged it; and the root log level is set to INFO, so that a
 * plugin's {@code logger.info(...)} shows. The framework's own bundle and service events stay out
 * unless they are warnings. Inside another application (Karaf, an Equinox product) the property is
 * not set and its own log configuration decides.
 */
@Component(immediate = true)
public final class ConsoleLog implements LogListener {

    /** The framework property that turns the console on. */
    static final String PROPERTY = "graft.log.console";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());
    /** The loggers Log Service implementations use for framework events (OSGi Compendium 101.6). */
    private static final String EVENTS = "Events.";

    @Reference
    LogReaderService reader;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL)
    LoggerAdmin admin;

    private final PrintStream out = System.err;
    private boolean on;

    @Activate
    void activate(BundleContext context) {
        on = Boolean.parseBoolean(context.getProperty(PROPERTY));
        if (!on) {
            return;
        }
        if (admin != null) {
            admin.getLoggerContext(null).setLogLevels(Map.of(Logger.ROOT_LOGGER_NAME, LogLevel.INFO,
                "Events.Bundle", LogLevel.WARN, "Events.Service", LogLevel.WARN, "Events.Framework", LogLevel.WARN));
        }
        reader.addLogListener(this);
    }

    @Deactivate
    void deactivate() {
        if (on) {
            reader.removeLogListener(this);
        }
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
