package dev.graft.compiler.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;

import dev.graft.compiler.Exporters;

/**
 * The {@code osgi.wiring.package} capabilities of the resolved bundles, system bundle included.
 * Filled by one scan when opened, then kept up to date from bundle events (synchronously, so a
 * bundle is visible to the next compile as soon as it resolves); compiles read an immutable
 * {@link Snapshot} that is rebuilt only after a change.
 */
final class PackageIndex implements SynchronousBundleListener {

    /**
     * One bundle's export of one package.
     *
     * @param packageName the package
     * @param version the package version
     * @param bundle the exporting bundle
     * @param wiring the exporter's wiring when the capability was read
     */
    record Exporter(String packageName, Version version, Bundle bundle, BundleWiring wiring) {

        String describe() {
            return bundle.getSymbolicName() + " " + bundle.getVersion() + " (package version " + version + ")";
        }
    }

    /** The exporters of every package at one moment, best candidate first. */
    static final class Snapshot {

        /** Highest package version first; among equals the lowest bundle id, as a resolver would prefer. */
        static final Comparator<Exporter> PREFERENCE = Comparator.comparing(Exporter::version).reversed()
            .thenComparingLong(e -> e.bundle().getBundleId());

        private final Map<String, List<Exporter>> byPackage = new HashMap<>();
        private final Set<String> packagesAndParents = new HashSet<>();

        Snapshot(Collection<List<Exporter>> exports) {
            for (List<Exporter> list : exports) {
                for (Exporter e : list) {
                    byPackage.computeIfAbsent(e.packageName(), k -> new ArrayList<>()).add(e);
                    addWithParents(packagesAndParents, e.packageName());
                }
            }
            byPackage.values().forEach(l -> l.sort(PREFERENCE));
        }

        /** @return the exporters of the package, best first; empty when none */
        List<Exporter> exporters(String packageName) {
            return byPackage.getOrDefault(packageName, List.of());
        }

        /** @return whether the name is an exported package or a parent of one */
        boolean isPackage(String name) {
            return packagesAndParents.contains(name);
        }
    }

    private final BundleContext context;
    private final Map<Long, List<Exporter>> byBundle = new HashMap<>();
    private Snapshot snapshot;

    PackageIndex(BundleContext context) {
        this.context = context;
    }

    void open() {
        context.addBundleListener(this);
        for (Bundle b : context.getBundles()) {
            update(b);
        }
    }

    void close() {
        context.removeBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        switch (event.getType()) {
        case BundleEvent.RESOLVED -> update(event.getBundle());
        case BundleEvent.UNRESOLVED, BundleEvent.UNINSTALLED -> remove(event.getBundle());
        default -> {
            // other events change no wiring
        }
        }
    }

    synchronized Snapshot snapshot() {
        if (snapshot == null) {
            snapshot = new Snapshot(List.copyOf(byBundle.values()));
        }
        return snapshot;
    }

    private void update(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        List<Exporter> exports = new ArrayList<>();
        if (wiring != null && wiring.isCurrent()) {
            for (BundleCapability c : wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                Object name = c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
                if (name instanceof String packageName) {
                    exports.add(new Exporter(packageName, Exporters.versionOf(c), bundle, wiring));
                }
            }
        }
        synchronized (this) {
            if (exports.isEmpty()) {
                byBundle.remove(bundle.getBundleId());
            } else {
                byBundle.put(bundle.getBundleId(), List.copyOf(exports));
            }
            snapshot = null;
        }
    }

    private synchronized void remove(Bundle bundle) {
        if (byBundle.remove(bundle.getBundleId()) != null) {
            snapshot = null;
        }
    }

    static void addWithParents(Set<String> set, String packageName) {
        set.add(packageName);
        for (int i = packageName.indexOf('.'); i > 0; i = packageName.indexOf('.', i + 1)) {
            set.add(packageName.substring(0, i));
        }
    }
}
