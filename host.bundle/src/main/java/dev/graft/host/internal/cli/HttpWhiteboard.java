package dev.graft.host.internal.cli;

import java.util.Collection;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@code --http [HOST:]PORT} of {@code run} and {@code shell}: the launcher reads it before the
 * framework starts and installs the Servlet Whiteboard (Felix HTTP Jetty) bound there; the command
 * checks the value and waits for the whiteboard's runtime service to tell where it serves. The
 * whiteboard is found by the name of its service, so the host needs none of its packages.
 */
final class HttpWhiteboard {

    static final String OPTION = "--http";
    /** The service every Jakarta Servlet Whiteboard registers (OSGi Compendium 8.1, chapter 140). */
    static final String RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";
    /** Its property that lists the URLs it serves. */
    static final String ENDPOINT = "osgi.http.endpoint";

    private HttpWhiteboard() {
    }

    /**
     * Checks a value of {@code --http}, the same rule as the launcher's: a port (0 to 65535; 0 for
     * any free one) or {@code HOST:PORT}.
     *
     * @throws UsageException when it is neither
     */
    static void check(String value) throws UsageException {
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : value.substring(0, colon);
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            if (!host.isEmpty() && port >= 0 && port <= 65535) {
                return;
            }
        } catch (NumberFormatException e) {
            // the same answer as a port out of range
        }
        throw new UsageException(OPTION + " takes a port (0 to 65535) or HOST:PORT, not " + value);
    }

    /**
     * Waits for the whiteboard the launcher started.
     *
     * @return the URLs it serves; none when no whiteboard is there within the time given (the
     *         launcher did not start one, or it could not bind its address)
     */
    static List<String> await(BundleContext context, long millis) {
        Filter filter;
        try {
            filter = FrameworkUtil.createFilter("(objectClass=" + RUNTIME + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, filter, null);
        tracker.open();
        try {
            long end = System.nanoTime() + millis * 1_000_000;
            while (System.nanoTime() < end) {
                ServiceReference<Object> runtime = tracker.getServiceReference();
                if (runtime != null) {
                    List<String> urls = urls(runtime.getProperty(ENDPOINT));
                    if (!urls.isEmpty()) {
                        return urls;
                    }
                }
                tracker.waitForService(50);
                Thread.sleep(runtime == null ? 0 : 20);
            }
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } finally {
            tracker.close();
        }
    }

    private static List<String> urls(Object endpoint) {
        if (endpoint instanceof String s) {
            return List.of(s);
        }
        if (endpoint instanceof String[] a) {
            return List.of(a);
        }
        if (endpoint instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
