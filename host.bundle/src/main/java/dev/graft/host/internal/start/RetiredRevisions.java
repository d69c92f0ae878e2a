package dev.graft.host.internal.start;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

import dev.graft.host.RetiredRevision;

/**
 * Weak references to the class loaders of plugin bundles that were uninstalled. Graft holds
 * nothing else of them, so a loader that stays reachable after a garbage collection is pinned by
 * someone else: usually the plugin itself (a thread it never stopped, a static registry elsewhere).
 * Loaders that were collected are forgotten as the references are enqueued, so a long-running
 * host that swaps often keeps no trace of them.
 */
public final class RetiredRevisions {

    private static final int GC_ROUNDS = 6;

    /** One retired bundle; the reference itself is the entry, so the queue hands back what to forget. */
    private static final class Retired extends WeakReference<ClassLoader> {

        final String name;
        final String location;
        final long bundleId;
        final long nanos;

        Retired(String name, Bundle bundle, ClassLoader loader, ReferenceQueue<ClassLoader> queue) {
            super(loader, queue);
            this.name = name;
            this.location = bundle.getLocation();
            this.bundleId = bundle.getBundleId();
            this.nanos = System.nanoTime();
        }
    }

    private final ReferenceQueue<ClassLoader> queue = new ReferenceQueue<>();
    private final Set<Retired> retired = new LinkedHashSet<>();

    /** Call before uninstalling: remembers the bundle's class loader, weakly. A bundle that never resolved has none. */
    void retiring(String name, Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        ClassLoader loader = wiring == null ? null : wiring.getClassLoader();
        synchronized (this) {
            forgetCollected();
            if (loader != null) {
                retired.add(new Retired(name, bundle, loader, queue));
            }
        }
    }

    /** Collects garbage, then answers the retired loaders that are still reachable, oldest first. */
    public List<RetiredRevision> pinned() {
        for (int round = 0; round < GC_ROUNDS && alive() > 0; round++) {
            System.gc();
            try {
                Thread.sleep(10L << round);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<RetiredRevision> pinned = new ArrayList<>();
        long now = System.nanoTime();
        synchronized (this) {
            forgetCollected();
            for (Retired r : retired) {
                if (r.get() != null) {
                    pinned.add(new RetiredRevision(r.name, r.location, r.bundleId, (now - r.nanos) / 1_000_000L));
                }
            }
        }
        return pinned;
    }

    /** @return how many retired loaders are not yet known to be collected */
    synchronized int alive() {
        forgetCollected();
        return retired.size();
    }

    private void forgetCollected() {
        for (Reference<? extends ClassLoader> r = queue.poll(); r != null; r = queue.poll()) {
            retired.remove(r);
        }
        retired.removeIf(r -> r.get() == null);
    }
}
