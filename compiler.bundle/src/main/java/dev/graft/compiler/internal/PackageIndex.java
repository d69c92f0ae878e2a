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


/**
 * The {@code osgi.wiring.package} capabilities of the resolved bundles, system bundle included.
 * Filled by one scan when opened, then kept up to date from bundle events (synchronously, so a
 * bundle is visible to the next compile as soon as it resolves); compiles read an immutable
 * {@link Snapshot} that is rebuilt only after a change. The class files read from an exporter are
 * kept as long as its wiring is current.
 */
final class PackageIndex implements SynchronousBundleListener {

    /**
     * One bundle's export of one package.
     *
     * @param packageName the package
     * @param version the package version
     * @param bundle the exporting bundle
     * @param wiring the exporter's wiring when the capability was read
     * @param classes the class files read through the wiring, shared by its exports
     */
    record Exporter(String packageName, Version version, Bundle bundle, BundleWiring wiring, KeptClasses classes) {

        String describe() {
            return bundle.getSymbolicName() + " " + bundle.getVersion() + " (package version " + version + ")";
        }

        /**
         * @param path a class file path in the exported package
         * @return its bytes as the exporter's class loader sees them, or null
         */
        byte[] classBytes(String path) {
            return classes.read(path, p -> {
                ClassLoader loader = wiring.getClassLoader();
                return Urls.bytes(loader != null ? loader.getResource(p) : bundle.getResource(p));
            });
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
    private final KeptClasses.Budget budget;
    private final Map<Long, List<Exporter>> byBundle = new HashMap<>();
    private Snapshot snapshot;

    /**
     * @param context the context whose framework is indexed
     * @param budget how many class file bytes the exporters may keep together
     */
    PackageIndex(BundleContext context, KeptClasses.Budget budget) {
        this.context = context;
        this.budget = budget;
    }

    void open() {
        context.addBundleListener(this);
        for (Bundle b : context.getBundles()) {
            update(b);
        }
    }

    void close() {
        context.removeBundleListener(this);
        synchronized (this) {
            byBundle.values().forEach(PackageIndex::release);
            byBundle.clear();
            snapshot = null;
        }
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
            KeptClasses classes = new KeptClasses(budget);
            for (BundleCapability c : wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                Object name = c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
                if (name instanceof String packageName) {
                    exports.add(new Exporter(packageName, Exporters.versionOf(c), bundle, wiring, classes));
                }
            }
        }
        synchronized (this) {
            List<Exporter> old = exports.isEmpty() ? byBundle.remove(bundle.getBundleId())
                : byBundle.put(bundle.getBundleId(), List.copyOf(exports));
            release(old);
            if (old != null || !exports.isEmpty()) {
                snapshot = null;
            }
        }
    }

    private synchronized void remove(Bundle bundle) {
        List<Exporter> old = byBundle.remove(bundle.getBundleId());
        if (old != null) {
            release(old);
            snapshot = null;
        }
    }

    /** A compile that still holds an older snapshot reads the released classes again from the bundle. */
    private static void release(List<Exporter> exports) {
        if (exports != null && !exports.isEmpty()) {
            exports.get(0).classes().release();
        }
    }

    static void addWithParents(Set<String> set, String packageName) {
        set.add(packageName);
        for (int i = packageName.indexOf('.'); i > 0; i = packageName.indexOf('.', i + 1)) {
            set.add(packageName.substring(0, i));
        }
    }
}
