package dev.graft.host.internal.watch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Wakes the watcher when something in the sites may have changed; the watcher then looks at the
 * folders itself, so a signal may be spurious and several changes may make one signal.
 */
interface ChangeSignal extends AutoCloseable {

    /**
     * Waits until something may have changed, or the time is up.
     *
     * @param millis how long to wait at most; 0 or less means until something changes
     * @throws InterruptedException when the watcher is being stopped
     */
    void await(long millis) throws InterruptedException;

    /** @return how it watches, for the start-up line */
    String describe();

    @Override
    void close();

    /**
     * File-system events when the sites' file system has them and they can be set up, else polling.
     *
     * @param sites the sites
     * @param pollMillis the interval of the polling fallback
     * @param forcePolling poll even when events are available
     * @param warnings told why polling is used when events were wanted
     * @return the signal
     */
    static ChangeSignal open(List<Path> sites, long pollMillis, boolean forcePolling, java.util.function.Consumer<String> warnings) {
        if (!forcePolling) {
            try {
                return FileSystemEvents.open(sites);
            } catch (IOException | UnsupportedOperationException e) {
                warnings.accept("file-system events are not available (" + e.getMessage() + "); polling every " + pollMillis + " ms");
            }
        }
        return new Polling(pollMillis);
    }

    /** Wakes every interval. */
    final class Polling implements ChangeSignal {

        private final long intervalMillis;

        Polling(long intervalMillis) {
            this.intervalMillis = intervalMillis;
        }

        @Override
        public void await(long millis) throws InterruptedException {
            Thread.sleep(millis > 0 ? Math.min(millis, intervalMillis) : intervalMillis);
        }

        @Override
        public String describe() {
            return "polling every " + intervalMillis + " ms";
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
