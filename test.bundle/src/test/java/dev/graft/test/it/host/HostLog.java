package dev.graft.test.it.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The messages the host logs through System.Logger (java.util.logging underneath), while open. */
final class HostLog implements AutoCloseable {

    private final Logger logger = Logger.getLogger("dev.graft.host");
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            messages.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    HostLog() {
        logger.addHandler(handler);
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
        logger.removeHandler(handler);
    }
}
