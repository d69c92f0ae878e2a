package dev.graft.host.internal.start;

import java.io.IOException;
import java.util.concurrent.locks.Lock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.servlet.whiteboard.Preprocessor;

/**
 * A whiteboard preprocessor that holds the read side of {@link WhiteboardGate}'s lock while the
 * whiteboard routes and serves each request. The only host class that names the servlet types;
 * loaded only when the host is wired to them.
 */
final class GatePreprocessor implements Preprocessor {

    private final Lock serving;

    private GatePreprocessor(Lock serving) {
        this.serving = serving;
    }

    static ServiceRegistration<?> register(BundleContext context, Lock serving) {
        return context.registerService(Preprocessor.class, new GatePreprocessor(serving), null);
    }

    @Override
    public void init(FilterConfig config) {
        // nothing to set up
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        serving.lock();
        try {
            chain.doFilter(request, response);
        } finally {
            serving.unlock();
        }
    }

    @Override
    public void destroy() {
        // a request still holding the lock finishes on its own
    }
}
