package dev.graft.host.internal.start;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;

/**
 * What wakes a wait for plugins to settle as soon as one of them may have changed: its start
 * returned, it registered or unregistered a service, or its bundle changed state. The waiter then
 * looks again at those plugins only. Components become active, or stay waiting, with no event of
 * their own, so the waiter still looks at every plugin after a pause.
 */
final class Wakeup implements ServiceListener, BundleListener, AutoCloseable {

    private final BundleContext context;
    private final Set<Long> changed = new HashSet<>();

    private Wakeup(BundleContext context) {
        this.context = context;
    }

    /** Listens to the framework's service and bundle events until closed. */
    static Wakeup listening(BundleContext context) {
        Wakeup wakeup = new Wakeup(context);
        context.addServiceListener(wakeup);
        context.addBundleListener(wakeup);
        return wakeup;
    }

    /** Marks a bundle as changed and wakes the waiter. */
    synchronized void changed(Bundle bundle) {
        if (bundle != null && changed.add(bundle.getBundleId())) {
            notifyAll();
        }
    }

    /**
     * Waits until a bundle changed or the time has come.
     *
     * @param untilNanos when to stop waiting, in {@link System#nanoTime()}
     * @return the ids of the bundles that changed since the last call, empty when none did
     */
    synchronized Set<Long> await(long untilNanos) throws InterruptedException {
        for (long left = untilNanos - System.nanoTime(); changed.isEmpty() && left > 0; left = untilNanos - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        Set<Long> ids = Set.copyOf(changed);
        changed.clear();
        return ids;
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        changed(event.getServiceReference().getBundle());
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        changed(event.getBundle());
    }

    @Override
    public void close() {
        try {
            context.removeServiceListener(this);
            context.removeBundleListener(this);
        } catch (IllegalStateException e) {
            // the host bundle is stopping: its listeners go with it
        }
    }
}
