package dev.graft.host.internal.start;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import dev.graft.host.internal.output.PackageWiring;

/**
 * The {@link RequestGate}: a fair read-write lock. Each whiteboard request holds the read side
 * while the whiteboard routes and serves it ({@link GatePreprocessor}, registered when the host is
 * wired to the Jakarta Servlet Whiteboard's package, that is when a whiteboard runs, as with
 * {@code graft run --http}); closing the gate takes the write side, which waits for the requests
 * in flight and holds back new ones.
 */
@Component(service = RequestGate.class)
public final class WhiteboardGate implements RequestGate {

    /** How long a swap waits for the requests in flight before it goes on anyway (a long poll, a stuck servlet). */
    static final long DRAIN_MILLIS = 5_000;
    private static final String WHITEBOARD_PACKAGE = "org.osgi.service.servlet.whiteboard";

    private final ReadWriteLock lock = new ReentrantReadWriteLock(true);
    private ServiceRegistration<?> preprocessor;

    @Activate
    void activate(BundleContext context) {
        if (PackageWiring.wiredTo(context, WHITEBOARD_PACKAGE)) {
            preprocessor = GatePreprocessor.register(context, lock.readLock());
        }
    }

    @Deactivate
    void deactivate() {
        if (preprocessor != null) {
            preprocessor.unregister();
        }
    }

    @Override
    public void closedWhile(Runnable step) {
        Lock closed = lock.writeLock();
        boolean held = false;
        try {
            held = closed.tryLock(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            step.run();
        } finally {
            if (held) {
                closed.unlock();
            }
        }
    }
}
