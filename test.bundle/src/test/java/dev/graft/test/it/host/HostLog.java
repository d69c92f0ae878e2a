package dev.graft.test.it.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;

/**
 * The messages the host logs, while open: through the OSGi Log Service of the runtime (Felix Log
 * on Felix, the framework's own on Equinox), where Graft sends them when there is one. The host's
 * logger is set to INFO meanwhile (a Log Service logs WARN and above by default).
 */
final class HostLog implements AutoCloseable {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final LogListener listener = this::logged;
    private final BundleContext context;
    private final ServiceReference<LogReaderService> readerReference;
    private final LogReaderService reader;
    private final LoggerContext hostContext;
    private final Map<String, LogLevel> levelsBefore;

    HostLog(BundleContext context) {
        this.context = context;
        ServiceReference<LoggerAdmin> adminReference = context.getServiceReference(LoggerAdmin.class);
        hostContext = context.getService(adminReference).getLoggerContext("dev.graft.host");
        levelsBefore = hostContext.getLogLevels();
        hostContext.setLogLevels(Map.of("dev.graft.host", LogLevel.INFO));
        context.ungetService(adminReference);
        readerReference = context.getServiceReference(LogReaderService.class);
        reader = context.getService(readerReference);
        reader.addLogListener(listener);
    }

    private void logged(LogEntry entry) {
        if ("dev.graft.host".equals(entry.getLoggerName())) {
            messages.add(entry.getMessage());
        }
    }

    /** Waits until a message holding all the parts is logged; returns it. */
    String await(String... parts) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            for (String m : messages) {
                if (m != null && List.of(parts).stream().allMatch(m::contains)) {
                    return m;
                }
            }
            assertTrue(System.nanoTime() < end, "no log message holding " + List.of(parts) + " in " + messages);
            Thread.sleep(20);
        }
    }

    /** Waits until the condition holds, for at most 60 s. */
    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "not within 60 s: " + what);
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        reader.removeLogListener(listener);
        context.ungetService(readerReference);
        hostContext.setLogLevels(levelsBefore);
    }
}
