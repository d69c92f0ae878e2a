package dev.graft.test.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** The services a bundle registers, as plain values that hold nothing of the bundle. */
public final class RegisteredServices {

    /**
     * One registered service.
     *
     * @param id its {@code service.id}
     * @param objectClasses the names it is registered under
     */
    public record Service(long id, List<String> objectClasses) {

        @Override
        public String toString() {
            return String.join(", ", objectClasses) + " (service.id=" + id + ")";
        }
    }

    private RegisteredServices() {
    }

    /**
     * @param bundle a bundle, or null
     * @return the services it registers now; empty for null or an uninstalled bundle
     */
    public static List<Service> of(Bundle bundle) {
        List<Service> services = new ArrayList<>();
        if (bundle == null || bundle.getState() == Bundle.UNINSTALLED) {
            return services;
        }
        ServiceReference<?>[] refs = bundle.getRegisteredServices();
        if (refs != null) {
            for (ServiceReference<?> ref : refs) {
                services.add(new Service((Long) ref.getProperty(Constants.SERVICE_ID),
                    Arrays.asList((String[]) ref.getProperty(Constants.OBJECTCLASS))));
            }
        }
        services.sort((a, b) -> Long.compare(a.id(), b.id()));
        return services;
    }

    /**
     * @param context a bundle context
     * @param service a service seen earlier
     * @return whether it is still registered
     */
    public static boolean isRegistered(BundleContext context, Service service) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(" + Constants.SERVICE_ID + "=" + service.id() + ")");
            return refs != null && refs.length > 0;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param services some services
     * @param objectClass a type name
     * @return whether one of them is registered under that name
     */
    public static boolean anyUnder(List<Service> services, String objectClass) {
        return services.stream().anyMatch(s -> s.objectClasses().contains(objectClass));
    }
}
