package dev.graft.host.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

import dev.graft.host.RetiredRevision;

/**
 * Weak references to the class loaders of plugin bundles that were uninstalled. Graft holds
 * nothing else of them, so a loader that stays reachable after a garbage collection is pinned by
 * someone else: usually the plugin itself (a thread it never stopped, a static registry elsewhere).
 */
final class RetiredRevisions {

    private record Retired(String name, String location, long bundleId, long nanos, WeakReference<ClassLoader> loader) {
    }

    private final List<Retired> retired = new ArrayList<>();

    /** Call before uninstalling: remembers the bundle's class loader, weakly. */
    synchronized void retiring(String name, Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        ClassLoader loader = wiring == null ? null : wiring.getClassLoader();
        if (loader != null) {
            retired.add(new Retired(name, bundle.getLocation(), bundle.getBundleId(), System.nanoTime(), new WeakReference<>(loader)));
        }
    }

    /** Collects garbage, then answers the retired loaders that are still reachable. */
    List<RetiredRevision> pinned() {
        for (int round = 0; round < 3 && anyAlive(); round++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<RetiredRevision> pinned = new ArrayList<>();
        long now = System.nanoTime();
        synchronized (this) {
            retired.removeIf(r -> r.loader().get() == null);
            for (Retired r : retired) {
                pinned.add(new RetiredRevision(r.name(), r.location(), r.bundleId(), (now - r.nanos()) / 1_000_000L));
            }
        }
        return pinned;
    }

    private synchronized boolean anyAlive() {
        return retired.stream().anyMatch(r -> r.loader().get() != null);
    }
}
