package dev.graft.bench.it;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;

import dev.graft.bench.GeneratedPlugin;

/**
 * Waits for a generated plugin's service to be registered: opened before the action, so that a
 * registration during the action is not missed.
 */
final class ServiceWait implements AutoCloseable {

    private final BundleContext context;
    private final String filter;
    private final CountDownLatch registered = new CountDownLatch(1);
    private final ServiceListener listener;

    ServiceWait(BundleContext context, String plugin) throws InvalidSyntaxException {
        this.context = context;
        this.filter = "(" + GeneratedPlugin.PROPERTY + "=" + plugin + ")";
        listener = event -> {
            if (event.getType() == ServiceEvent.REGISTERED) {
                registered.countDown();
            }
        };
        context.addServiceListener(listener, filter);
    }

    /** Waits until the service is registered (or was already). */
    void await() throws Exception {
        if (registered.getCount() == 0) {
            return;
        }
        if (!registered.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no service " + filter + " within 30 s");
        }
    }

    @Override
    public void close() {
        context.removeServiceListener(listener);
    }
}
