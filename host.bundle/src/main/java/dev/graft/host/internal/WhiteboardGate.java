package dev.graft.host.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.whiteboard.Preprocessor;

/**
 * The {@link RequestGate} of a Jakarta Servlet Whiteboard: a whiteboard preprocessor, so it sees
 * every request before the whiteboard picks its servlet, and a fair read-write lock. Each request
 * holds the read side while the whiteboard routes and serves it; closing the gate takes the write
 * side, which waits for the requests in flight and holds back new ones. Active only while a
 * whiteboard runs (its runtime service), so its class loads only where the servlet packages are
 * wired.
 */
@Component(service = {Preprocessor.class, RequestGate.class},
    reference = @Reference(name = "runtime", service = HttpServiceRuntime.class))
public final class WhiteboardGate implements Preprocessor, RequestGate {

    /** How long a swap waits for the requests in flight before it goes on anyway (a long poll, a stuck servlet). */
    static final long DRAIN_MILLIS = 5_000;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    @Override
    public void init(FilterConfig config) {
        // nothing to set up
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        Lock serving = lock.readLock();
        serving.lock();
        try {
            chain.doFilter(request, response);
        } finally {
            serving.unlock();
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

    @Override
    public void destroy() {
        // nothing to release: a request still holding the read side finishes on its own
    }
}
