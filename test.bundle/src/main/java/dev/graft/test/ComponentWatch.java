package dev.graft.test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

import dev.graft.test.internal.ServiceQuery;

/**
 * The services a plugin's component registered when the watch began, so that a test can wait for
 * the component to come back with a new instance: after a configuration change that Declarative
 * Services answers by deactivating and activating it again, or after a swap of the plugin.
 * Reactivation is seen through the component's services ({@code component.name} and the
 * plugin's name): a component that registers no service cannot be watched this way (wait for its
 * configuration with {@link PluginKit#configure} instead).
 */
public final class ComponentWatch {

    private final PluginKit kit;
    private final String plugin;
    private final String component;
    private final Set<Long> before;

    ComponentWatch(PluginKit kit, String plugin, String component) {
        this.kit = kit;
        this.plugin = plugin;
        this.component = component;
        this.before = services().stream().map(r -> (Long) r.getProperty(Constants.SERVICE_ID)).collect(Collectors.toSet());
    }

    /** @return the ids of the component's services when the watch began */
    public Set<Long> serviceIdsBefore() {
        return before;
    }

    /**
     * Waits until the component registers a service that it did not have when the watch began.
     *
     * @param timeout how long to wait
     * @return the new services, best first
     * @throws AssertionError at the deadline, naming what the component registers then
     */
    public List<ServiceReference<?>> awaitReactivation(Duration timeout) {
        ServiceQuery query = query();
        try {
            return query.await(kit.context(), 1, timeout, r -> fromPlugin(r) && !before.contains((Long) r.getProperty(Constants.SERVICE_ID)));
        } catch (AssertionError e) {
            List<ServiceReference<?>> now = services();
            throw new AssertionError("component " + component + " of plugin " + plugin + " was not reactivated within "
                + ServiceQuery.seconds(timeout) + ": it registered " + (before.isEmpty() ? "no service" : "services " + before)
                + " before and registers " + (now.isEmpty() ? "none now" : "now:" + ServiceQuery.describe(now))
                + (before.isEmpty() && now.isEmpty() ? " (a component without services cannot be watched for reactivation)" : ""));
        }
    }

    private List<ServiceReference<?>> services() {
        return query().find(kit.context()).stream().filter(this::fromPlugin).toList();
    }

    private ServiceQuery query() {
        return new ServiceQuery("*", java.util.Optional.of("(component.name=" + component + ")"));
    }

    private boolean fromPlugin(ServiceReference<?> ref) {
        return ref.getBundle() != null && plugin.equals(ref.getBundle().getSymbolicName());
    }
}
