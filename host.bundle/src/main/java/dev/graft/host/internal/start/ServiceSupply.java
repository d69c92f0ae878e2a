package dev.graft.host.internal.start;

import java.util.Collection;
import java.util.function.Predicate;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Whether a service a reference wants can still come: one matching its target is registered, or a
 * started (or starting) bundle declares that it provides the interface
 * ({@code Provide-Capability: osgi.service}, which bnd writes for every DS component of a plugin).
 */
final class ServiceSupply implements Predicate<ComponentStates.Wanted> {

    static final String SERVICE_NAMESPACE = "osgi.service";

    private final BundleContext context;

    ServiceSupply(BundleContext context) {
        this.context = context;
    }

    @Override
    public boolean test(ComponentStates.Wanted wanted) {
        String serviceInterface = wanted.service();
        try {
            if (context.getServiceReferences(serviceInterface, wanted.target()) != null) {
                return true;
            }
        } catch (InvalidSyntaxException e) {
            // SCR reports a reference with a bad target as unsatisfied: nothing will ever match it
            return false;
        }
        for (Bundle b : context.getBundles()) {
            if ((b.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0 && declares(b, serviceInterface)) {
                return true;
            }
        }
        return false;
    }

    private static boolean declares(Bundle bundle, String serviceInterface) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return false;
        }
        for (BundleCapability c : revision.getDeclaredCapabilities(SERVICE_NAMESPACE)) {
            Object classes = c.getAttributes().get("objectClass");
            if (classes instanceof Collection<?> list ? list.contains(serviceInterface) : serviceInterface.equals(classes)) {
                return true;
            }
        }
        return false;
    }
}
