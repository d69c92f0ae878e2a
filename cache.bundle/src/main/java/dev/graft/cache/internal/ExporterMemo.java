package dev.graft.cache.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleRevisions;

import dev.graft.compiler.WiredPackage;

/**
 * Remembers which bundle exports each package, until a bundle that declares package exports (or
 * may carry them, as a fragment does) changes its wiring: is resolved, unresolved, updated or
 * uninstalled. Bundles without exports, such as most plugins, come and go without costing the
 * answers. Registered as a synchronous listener, so an answer is forgotten before the change
 * is seen by anyone else; an answer computed while a change happened is not kept.
 */
final class ExporterMemo implements SynchronousBundleListener {

    private static final int CHANGES = BundleEvent.RESOLVED | BundleEvent.UNRESOLVED | BundleEvent.UPDATED | BundleEvent.UNINSTALLED;

    private final Function<String, Optional<WiredPackage>> exporters;
    private final Map<String, Optional<WiredPackage>> answers = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** @param exporters the live answer, asked on a miss */
    ExporterMemo(Function<String, Optional<WiredPackage>> exporters) {
        this.exporters = exporters;
    }

    Optional<WiredPackage> exporterOf(String packageName) {
        Optional<WiredPackage> known = answers.get(packageName);
        if (known != null) {
            return known;
        }
        long before = generation.get();
        Optional<WiredPackage> now = exporters.apply(packageName);
        if (generation.get() == before) {
            answers.put(packageName, now);
            if (generation.get() != before) {
                answers.remove(packageName, now);
            }
        }
        return now;
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if ((event.getType() & CHANGES) != 0 && mayExport(event.getBundle())) {
            forget();
        }
    }

    /** Forgets every answer. */
    void forget() {
        generation.incrementAndGet();
        answers.clear();
    }

    private static boolean mayExport(Bundle bundle) {
        BundleRevisions revisions = bundle.adapt(BundleRevisions.class);
        List<BundleRevision> all = revisions == null ? List.of() : revisions.getRevisions();
        if (all.isEmpty()) {
            return true;
        }
        for (BundleRevision r : all) {
            if ((r.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0 || !r.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
