package dev.graft.test.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationListener;

/**
 * Waits until a probe finds what it looks for, looking again whenever the framework reports a
 * service, bundle or configuration event, never by sleeping in a loop. Declarative Services
 * announces no event when it hands a new configuration to a component that registers no
 * service, so a wait that looks at components may ask to look again after a pause as well.
 */
public final class EventWait {

    private final Object monitor = new Object();
    private long events;

    private EventWait() {
    }

    /**
     * @param context the test bundle's context, whose listeners wake the wait
     * @param timeout how long to wait
     * @param recheck a pause after which to look again without an event, or null for events only
     * @param probe what to look for; empty while it is not there
     * @param <T> what is found
     * @return what the probe found, or empty when the timeout passed first
     */
    public static <T> Optional<T> until(BundleContext context, Duration timeout, Duration recheck, Supplier<Optional<T>> probe) {
        return new EventWait().await(context, timeout, recheck, probe);
    }

    private <T> Optional<T> await(BundleContext context, Duration timeout, Duration recheck, Supplier<Optional<T>> probe) {
        ServiceListener services = e -> wake();
        BundleListener bundles = e -> wake();
        context.addServiceListener(services);
        context.addBundleListener(bundles);
        ServiceRegistration<ConfigurationListener> configurations = registerConfigurationListener(context);
        try {
            long end = System.nanoTime() + timeout.toNanos();
            while (true) {
                long seen;
                synchronized (monitor) {
                    seen = events;
                }
                Optional<T> found = probe.get();
                if (found.isPresent()) {
                    return found;
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                long pause = recheck == null ? left : Math.min(left, recheck.toNanos());
                synchronized (monitor) {
                    long until = System.nanoTime() + pause;
                    while (events == seen && System.nanoTime() < until) {
                        long millis = Math.max(1, (until - System.nanoTime()) / 1_000_000);
                        monitor.wait(millis);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            context.removeServiceListener(services);
            context.removeBundleListener(bundles);
            try {
                configurations.unregister();
            } catch (IllegalStateException gone) {
                // the test bundle stopped meanwhile
            }
        }
    }

    private ServiceRegistration<ConfigurationListener> registerConfigurationListener(BundleContext context) {
        return context.registerService(ConfigurationListener.class, e -> wake(), null);
    }

    private void wake() {
        synchronized (monitor) {
            events++;
            monitor.notifyAll();
        }
    }
}
