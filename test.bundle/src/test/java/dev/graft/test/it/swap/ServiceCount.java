package dev.graft.test.it.swap;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;

/**
 * Follows the registrations of one plugin's service from ServiceEvents, synchronously: how many
 * are registered at each moment, the fewest ever seen, and the events in order (as text, so no
 * reference to a retired bundle is kept).
 */
final class ServiceCount implements ServiceListener, AutoCloseable {

    private final BundleContext context;
    private final List<String> events = new ArrayList<>();
    private int registered;
    private int fewest;

    ServiceCount(BundleContext context, String filter) throws InvalidSyntaxException {
        this.context = context;
        synchronized (this) {
            context.addServiceListener(this, filter);
            var refs = context.getServiceReferences((String) null, filter);
            registered = refs == null ? 0 : refs.length;
            fewest = registered;
        }
    }

    @Override
    public synchronized void serviceChanged(ServiceEvent event) {
        long bundle = event.getServiceReference().getBundle() == null ? -1 : event.getServiceReference().getBundle().getBundleId();
        switch (event.getType()) {
            case ServiceEvent.REGISTERED -> {
                registered++;
                events.add("registered by " + bundle);
            }
            case ServiceEvent.UNREGISTERING -> {
                registered--;
                events.add("unregistering from " + bundle);
            }
            default -> {
                return;
            }
        }
        fewest = Math.min(fewest, registered);
    }

    synchronized int fewest() {
        return fewest;
    }

    synchronized int registered() {
        return registered;
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        context.removeServiceListener(this);
    }
}
