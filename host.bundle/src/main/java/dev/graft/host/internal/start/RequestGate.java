package dev.graft.host.internal.start;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Holds back the requests of a Servlet Whiteboard while a bundle that serves in it leaves. A
 * whiteboard that loses a servlet fails the requests it had already routed to it ("Servlet has been
 * unregistered"); with the gate closed, the requests in flight finish first, new ones wait, and
 * once the bundle is gone they go to what serves the path then (the new version of a swap).
 */
public interface RequestGate {

    /** No whiteboard: nothing to hold back. */
    RequestGate OPEN = Runnable::run;

    /** Runs the step with the gate closed: after the requests in flight finished (or a deadline passed), new ones waiting. */
    void closedWhile(Runnable step);

    /** @return whether the bundle registered a service for a whiteboard (a servlet, a filter, a resource, ...) */
    static boolean serves(Bundle bundle) {
        ServiceReference<?>[] services;
        try {
            services = bundle.getRegisteredServices();
        } catch (IllegalStateException uninstalled) {
            return false;
        }
        if (services == null) {
            return false;
        }
        for (ServiceReference<?> service : services) {
            for (String key : service.getPropertyKeys()) {
                if (key.startsWith("osgi.http.whiteboard.")) {
                    return true;
                }
            }
        }
        return false;
    }
}
