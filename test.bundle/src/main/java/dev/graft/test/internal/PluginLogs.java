package dev.graft.test.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.Logger;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * What the plugins logged through the OSGi Log Service while a kit was open: a listener on every
 * {@link LogReaderService} keeps the entries of bundles whose location is a Graft plugin's, but the
 * framework's events that the Log Service logs for them ({@code Events.*} loggers). The Log Service
 * drops what is below WARN by default; while the kit is open, the root logger context lets INFO
 * through (the previous levels come back when it closes), so that a plugin's INFO lines can be
 * asserted on. Not DEBUG: Declarative Services logs its own DEBUG and TRACE lines about a
 * component under the component's name, which is also the name of the component's own logger.
 */
public final class PluginLogs implements AutoCloseable {

    /**
     * One entry.
     *
     * @param bundleId the bundle that logged it
     * @param line the level, the message and, when there is one, the exception's first line
     */
    public record Line(long bundleId, String line) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final ServiceTracker<LogReaderService, LogReaderService> readers;
    private final LogListener listener = this::logged;
    private final ServiceTracker<LoggerAdmin, LoggerAdmin> admins;
    private Map<String, LogLevel> previousLevels;

    /** @param context the test bundle's context */
    public PluginLogs(BundleContext context) {
        readers = new ServiceTracker<>(context, LogReaderService.class, null) {
            @Override
            public LogReaderService addingService(ServiceReference<LogReaderService> reference) {
                LogReaderService reader = super.addingService(reference);
                if (reader != null) {
                    reader.addLogListener(listener);
                }
                return reader;
            }

            @Override
            public void removedService(ServiceReference<LogReaderService> reference, LogReaderService reader) {
                reader.removeLogListener(listener);
                super.removedService(reference, reader);
            }
        };
        readers.open();
        admins = new ServiceTracker<>(context, LoggerAdmin.class, null);
        admins.open();
        LoggerAdmin admin = admins.getService();
        if (admin != null) {
            LoggerContext root = admin.getLoggerContext(null);
            previousLevels = root.getLogLevels();
            Map<String, LogLevel> all = new HashMap<>(previousLevels);
            all.put(Logger.ROOT_LOGGER_NAME, LogLevel.INFO);
            root.setLogLevels(all);
        }
    }

    private void logged(LogEntry entry) {
        if (entry.getBundle() == null || !entry.getBundle().getLocation().startsWith("graft:")
            || entry.getLoggerName().startsWith("Events.")) {
            return;
        }
        StringBuilder b = new StringBuilder(entry.getLogLevel().name()).append(' ').append(entry.getMessage());
        if (entry.getException() != null) {
            b.append(": ").append(entry.getException());
        }
        synchronized (lines) {
            lines.add(new Line(entry.getBundle().getBundleId(), b.toString()));
            lines.notifyAll();
        }
    }

    /**
     * @param bundleId a plugin's bundle
     * @return what it logged so far, in order
     */
    public List<String> of(long bundleId) {
        synchronized (lines) {
            return lines.stream().filter(l -> l.bundleId() == bundleId).map(Line::line).toList();
        }
    }

    /**
     * Waits until the bundle logged a line that passes the test; the listener wakes the wait.
     *
     * @param bundleId a plugin's bundle
     * @param wanted the line wanted
     * @param timeout how long to wait
     * @return the first such line, or empty at the deadline
     */
    public Optional<String> await(long bundleId, Predicate<String> wanted, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                Optional<String> found = lines.stream().filter(l -> l.bundleId() == bundleId).map(Line::line).filter(wanted).findFirst();
                long left = end - System.nanoTime();
                if (found.isPresent() || left <= 0) {
                    return found;
                }
                try {
                    lines.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }

    /** @return whether a Log Service is there to read from */
    public boolean reading() {
        return !readers.isEmpty();
    }

    @Override
    public void close() {
        LoggerAdmin admin = admins.getService();
        if (admin != null && previousLevels != null) {
            admin.getLoggerContext(null).setLogLevels(previousLevels);
            previousLevels = null;
        }
        admins.close();
        readers.close();
    }

    /** @return every line kept, for a failure message */
    public List<Line> all() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }
}
