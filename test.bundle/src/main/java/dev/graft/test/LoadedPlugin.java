package dev.graft.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import dev.graft.host.ComponentState;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginState;

/**
 * A source plugin that a {@link PluginKit} loaded: the record made when it was loaded, and what
 * the framework says about its bundle now. It keeps only the bundle id, never the bundle or a
 * service object, so that holding it does not keep a retired version's class loader reachable.
 */
public final class LoadedPlugin {

    private final PluginKit kit;
    private final PluginRecord record;

    LoadedPlugin(PluginKit kit, PluginRecord record) {
        this.kit = kit;
        this.record = record;
    }

    /** @return the plugin's name, its bundle's symbolic name */
    public String name() {
        return record.name();
    }

    /** @return the record the loader made when it loaded this version */
    public PluginRecord record() {
        return record;
    }

    /** @return the id of this version's bundle, or -1 when it was never installed */
    public long bundleId() {
        return record.bundleId();
    }

    /**
     * @return the state of this version now: the registry's when this version is the current
     *         one, {@link PluginState#UNLOADED} when it was swapped out or unloaded, else the
     *         state it was loaded with
     */
    public PluginState state() {
        Optional<PluginRecord> now = current();
        if (now.isPresent()) {
            return now.get().state();
        }
        return record.state() == PluginState.ACTIVE ? PluginState.UNLOADED : record.state();
    }

    /** @return why loading failed, one line each; empty when it loaded */
    public List<String> problems() {
        return record.problems();
    }

    /** @return the DS components of this version now, empty once it is gone */
    public List<ComponentState> components() {
        return current().map(PluginRecord::components).orElse(List.of());
    }

    /** @return this version's bundle while it is installed */
    public Optional<Bundle> bundle() {
        if (record.bundleId() < 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(kit.context().getBundle(record.bundleId())).filter(b -> b.getState() != Bundle.UNINSTALLED);
    }

    /**
     * The service this version's bundle registers under a type, got through the test bundle's
     * context; the framework releases it when the plugin is unloaded or swapped out. A test that
     * wants the old version collected after a swap must not keep the object in a field.
     *
     * @param type the service type, as the test bundle sees it
     * @param <T> the service type
     * @return the service
     * @throws AssertionError when this version registers no such service
     */
    public <T> T service(Class<T> type) {
        try {
            for (ServiceReference<T> ref : kit.context().getServiceReferences(type, null)) {
                if (ref.getBundle() != null && ref.getBundle().getBundleId() == record.bundleId()) {
                    return kit.context().getService(ref);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("plugin " + name() + " (bundle " + bundleId() + ") registers no " + type.getName()
            + " service; it registers " + serviceNames());
    }

    /** @return the type names of the services this version's bundle registers now */
    public List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        bundle().map(dev.graft.test.internal.RegisteredServices::of).orElse(List.of())
            .forEach(s -> names.addAll(s.objectClasses()));
        return names;
    }

    PluginKit kit() {
        return kit;
    }

    /** The registry's record of this plugin when this version is the one loaded now. */
    Optional<PluginRecord> current() {
        return kit.registry().plugin(record.name())
            .filter(r -> r.bundleId() == record.bundleId() && r.location().equals(record.location()));
    }

    @Override
    public String toString() {
        return "plugin " + name() + " (bundle " + bundleId() + ", " + state() + ")";
    }
}
