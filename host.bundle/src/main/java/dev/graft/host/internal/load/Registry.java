package dev.graft.host.internal.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

import dev.graft.host.PluginListener;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginState;
import dev.graft.host.internal.output.HostLog;
import dev.graft.host.internal.start.RecordKeeper;

/**
 * The registry: records of loaded plugins, the bundle locations handed out so far, and the
 * listeners to tell. It follows bundle events, so a plugin bundle uninstalled by anyone shows as
 * unloaded.
 */
@Component(service = { PluginRegistry.class, RecordKeeper.class })
public final class Registry implements RecordKeeper, SynchronousBundleListener {

    static final String LOCATION_SCHEME = "graft:";

    @Reference
    ServiceComponentRuntime scr;
    /** Warnings go to the host's log, never to the terminal. */
    @Reference
    HostLog log;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    final List<PluginListener> listeners = new CopyOnWriteArrayList<>();

    private final Map<String, PluginRecord> records = new LinkedHashMap<>();
    private final Set<String> usedLocations = new HashSet<>();
    private BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
        synchronized (this) {
            for (Bundle b : context.getBundles()) {
                usedLocations.add(b.getLocation());
            }
        }
        context.addBundleListener(this);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
    }

    @Override
    public synchronized String newLocation(String name, String sourceDigest) {
        String prefix = LOCATION_SCHEME + name + "/" + sourceDigest.substring(0, Math.min(12, sourceDigest.length())) + "/";
        for (int n = 1;; n++) {
            String location = prefix + n;
            if (!usedLocations.contains(location) && context.getBundle(location) == null) {
                usedLocations.add(location);
                return location;
            }
        }
    }

    @Override
    public List<PluginRecord> plugins() {
        List<PluginRecord> current = new ArrayList<>();
        synchronized (this) {
            current.addAll(records.values());
        }
        current.replaceAll(this::withLiveComponents);
        return current;
    }

    @Override
    public Optional<PluginRecord> plugin(String name) {
        PluginRecord r;
        synchronized (this) {
            r = records.get(name);
        }
        return Optional.ofNullable(r).map(this::withLiveComponents);
    }

    @Override
    public void record(PluginRecord record) {
        synchronized (this) {
            records.put(record.name(), record);
            if (!record.location().isEmpty()) {
                usedLocations.add(record.location());
            }
        }
        for (PluginListener l : listeners) {
            try {
                switch (record.state()) {
                    case ACTIVE -> l.loaded(record);
                    case FAILED, SKIPPED, UNRESOLVED, STOPPED -> l.failed(record);
                    case UNLOADED -> l.unloaded(record);
                }
            } catch (RuntimeException e) {
                log.logger().log(System.Logger.Level.WARNING, "plugin listener " + l.getClass().getName() + " failed on " + record.name(), e);
            }
        }
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() != BundleEvent.UNINSTALLED) {
            return;
        }
        PluginRecord gone = null;
        synchronized (this) {
            for (PluginRecord r : records.values()) {
                if (Loader.installed(r) && r.bundleId() == event.getBundle().getBundleId()) {
                    gone = r.with(PluginState.UNLOADED, List.of());
                }
            }
        }
        if (gone != null) {
            record(gone);
        }
    }

    private PluginRecord withLiveComponents(PluginRecord r) {
        if (!Loader.installed(r)) {
            return r;
        }
        return LiveRecord.of(r, context.getBundle(r.bundleId()), scr, context.getBundle(0).adapt(FrameworkWiring.class));
    }
}
