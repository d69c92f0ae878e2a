package dev.graft.host.internal.build;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

import dev.graft.host.PluginRecord;
import dev.graft.host.PluginService;
import dev.graft.host.PluginState;

/** The checks of a typed load: what a built plugin declares it provides, and what its running bundle registered. */
public final class ServiceOfType {

    private ServiceOfType() {
    }

    /** @return why the bundle jar cannot give the type, or empty when it declares a component providing it */
    public static Optional<String> missing(String name, byte[] jar, Class<?> type) {
        List<String> provided = ProvidedServices.of(jar);
        if (provided.contains(type.getName())) {
            return Optional.empty();
        }
        return Optional.of(name + " provides no " + type.getName() + " service (it provides: "
            + (provided.isEmpty() ? "none" : String.join(", ", provided)) + ")");
    }

    /** @return the bundle's service registered under the type's name that is an instance of the very class given */
    public static <T> Optional<T> find(BundleContext context, Bundle bundle, Class<T> type) {
        ServiceReference<?>[] refs = bundle == null ? null : bundle.getRegisteredServices();
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            if (!Arrays.asList((String[]) ref.getProperty(Constants.OBJECTCLASS)).contains(type.getName())) {
                continue;
            }
            Object service = context.getService(ref);
            if (type.isInstance(service)) {
                return Optional.of(type.cast(service));
            }
            if (service != null) {
                context.ungetService(ref);
            }
        }
        return Optional.empty();
    }

    /** @return the failed outcome of a typed load, with one problem */
    public static <T> PluginService<T> refused(PluginRecord record, String problem) {
        return new PluginService<>(new PluginRecord(record.name(), record.version(), record.location(), -1, record.sourceDigest(),
            record.origin(), PluginState.FAILED, record.fromCache(), record.buildMillis(), record.startMillis(), List.of(),
            List.of(problem)), Optional.empty());
    }
}
