package dev.graft.test.it.swap;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * A client thread that calls a plugin's {@code Supplier<String>} service over and over, as a
 * user of a live system would: looks it up, takes the best one (highest ranking, then oldest, as
 * {@code getServiceReference}, a ServiceTracker or a DS reference would), gets it, calls it, lets
 * it go. Counts the answers by value, and the calls that found no service or got no object.
 */
final class ServiceCalls implements AutoCloseable {

    private final BundleContext context;
    private final String filter;
    private final Map<String, Integer> answers = new TreeMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private int calls;
    private int missing;
    private Throwable crash;

    ServiceCalls(BundleContext context, String filter) {
        this.context = context;
        this.filter = filter;
        this.thread = new Thread(this::callUntilClosed, "graft-test-client");
        thread.setDaemon(true);
        thread.start();
    }

    @SuppressWarnings("unchecked")
    private void callUntilClosed() {
        try {
            while (running) {
                String answer = null;
                ServiceReference<?>[] refs = context.getServiceReferences(Supplier.class.getName(), filter);
                if (refs != null) {
                    ServiceReference<?> best = Arrays.stream(refs).max(Comparator.naturalOrder()).orElseThrow();
                    Supplier<String> s = (Supplier<String>) context.getService(best);
                    if (s != null) {
                        try {
                            answer = s.get();
                        } finally {
                            context.ungetService(best);
                        }
                    }
                }
                synchronized (this) {
                    calls++;
                    if (answer == null) {
                        missing++;
                    } else {
                        answers.merge(answer, 1, Integer::sum);
                    }
                }
                LockSupport.parkNanos(100_000);
            }
        } catch (Throwable t) {
            synchronized (this) {
                crash = t;
            }
        }
    }

    synchronized int calls() {
        return calls;
    }

    /** @return the calls that found no service, or whose service could not be got */
    synchronized int missing() {
        return missing;
    }

    synchronized Map<String, Integer> answers() {
        return Map.copyOf(answers);
    }

    synchronized Throwable crash() {
        return crash;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
