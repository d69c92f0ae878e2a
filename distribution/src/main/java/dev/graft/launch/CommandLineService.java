package dev.graft.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Finds the command line service that host.bundle registers: a {@code ToIntFunction<String[]>}
 * with {@code graft.main=true}. Only the JDK's types cross the framework boundary.
 */
final class CommandLineService {

    static final String FILTER = "(&(objectClass=java.util.function.ToIntFunction)(graft.main=true))";

    private CommandLineService() {
    }

    @SuppressWarnings("unchecked")
    static ToIntFunction<String[]> await(BundleContext context, long timeoutMillis) throws StartupException {
        ServiceTracker<Object, Object> tracker;
        try {
            tracker = new ServiceTracker<>(context, context.createFilter(FILTER), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tracker.open();
        try {
            Object service = tracker.waitForService(timeoutMillis);
            if (service == null) {
                throw new StartupException("the command line service did not appear within " + timeoutMillis / 1000
                    + " s; bundles not active: " + inactiveBundles(context));
            }
            return (ToIntFunction<String[]>) service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while starting");
        }
    }

    private static List<String> inactiveBundles(BundleContext context) {
        List<String> inactive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getState() != Bundle.ACTIVE && b.getHeaders().get("Fragment-Host") == null) {
                inactive.add(b.getSymbolicName() + " " + b.getVersion());
            }
        }
        return inactive;
    }
}
