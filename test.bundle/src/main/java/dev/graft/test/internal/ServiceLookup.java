package dev.graft.test.internal;

import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** Waits for a service that the Graft runtime provides, failing with a message that says what is missing. */
public final class ServiceLookup {

    private static final long WAIT_MILLIS = 10_000;

    private ServiceLookup() {
    }

    /**
     * @param context the bundle context to look the service up with
     * @param type the service type
     * @param <T> the service type
     * @return the service
     * @throws IllegalStateException naming the service when none arrives within 10 seconds
     */
    public static <T> T await(BundleContext context, Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(TimeUnit.MILLISECONDS.toMillis(WAIT_MILLIS));
            if (service == null) {
                throw new IllegalStateException("no " + type.getName() + " service within " + WAIT_MILLIS
                    + " ms: are dev.graft.host, dev.graft.compiler and dev.graft.cache in -runbundles, with SCR?");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + type.getName(), e);
        } finally {
            tracker.close();
        }
    }
}
