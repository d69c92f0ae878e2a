package dev.graft.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleRevisions;

import dev.graft.compiler.WiredPackage;

class ExporterMemoTest {

    private final AtomicReference<String> exporter = new AtomicReference<>("a");
    private final AtomicInteger asked = new AtomicInteger();
    private final ExporterMemo memo = new ExporterMemo(p -> {
        asked.incrementAndGet();
        return Optional.ofNullable(exporter.get()).map(e -> new WiredPackage(p, e, "1.0.0", "d"));
    });

    @Test
    void answersFromMemoryUntilAnExporterChanges() {
        assertEquals("a", memo.exporterOf("p").orElseThrow().exporter());
        exporter.set("b");
        assertEquals("a", memo.exporterOf("p").orElseThrow().exporter(), "nothing changed in the framework's eyes");
        assertEquals(1, asked.get());

        memo.bundleChanged(new BundleEvent(BundleEvent.RESOLVED, bundle(false, true)));
        assertEquals("b", memo.exporterOf("p").orElseThrow().exporter(), "a newly resolved exporter is noticed");
    }

    @Test
    void everyWiringChangeOfAnExporterForgets() {
        for (int type : new int[] { BundleEvent.RESOLVED, BundleEvent.UNRESOLVED, BundleEvent.UPDATED, BundleEvent.UNINSTALLED }) {
            exporter.set("x" + type);
            memo.bundleChanged(new BundleEvent(type, bundle(false, true)));
            assertEquals("x" + type, memo.exporterOf("p").orElseThrow().exporter());
        }
        exporter.set(null);
        memo.bundleChanged(new BundleEvent(BundleEvent.UNRESOLVED, bundle(false, true)));
        assertEquals(Optional.empty(), memo.exporterOf("p"), "an exporter gone is noticed");
    }

    @Test
    void aFragmentMayCarryExports() {
        memo.exporterOf("p");
        exporter.set("b");
        memo.bundleChanged(new BundleEvent(BundleEvent.RESOLVED, bundle(true, false)));
        assertEquals("b", memo.exporterOf("p").orElseThrow().exporter());
    }

    @Test
    void bundlesWithoutExportsAndOtherEventsKeepTheAnswers() {
        memo.exporterOf("p");
        exporter.set("b");
        memo.bundleChanged(new BundleEvent(BundleEvent.RESOLVED, bundle(false, false)));
        memo.bundleChanged(new BundleEvent(BundleEvent.UNINSTALLED, bundle(false, false)));
        memo.bundleChanged(new BundleEvent(BundleEvent.INSTALLED, bundle(false, true)));
        memo.bundleChanged(new BundleEvent(BundleEvent.STARTED, bundle(false, true)));
        assertEquals("a", memo.exporterOf("p").orElseThrow().exporter());
        assertEquals(1, asked.get());
    }

    @Test
    void anAnswerComputedDuringAChangeIsNotKept() {
        ExporterMemo[] self = new ExporterMemo[1];
        self[0] = new ExporterMemo(p -> {
            asked.incrementAndGet();
            self[0].forget();
            return Optional.empty();
        });
        self[0].exporterOf("p");
        self[0].exporterOf("p");
        assertEquals(2, asked.get());
    }

    /** A bundle whose one revision is a fragment or not, and declares a package export or not. */
    private static Bundle bundle(boolean fragment, boolean exports) {
        BundleCapability export = (BundleCapability) Proxy.newProxyInstance(ExporterMemoTest.class.getClassLoader(),
            new Class<?>[] { BundleCapability.class }, (proxy, method, args) -> {
                throw new UnsupportedOperationException(method.getName());
            });
        BundleRevision revision = (BundleRevision) Proxy.newProxyInstance(ExporterMemoTest.class.getClassLoader(),
            new Class<?>[] { BundleRevision.class }, (proxy, method, args) -> switch (method.getName()) {
                case "getTypes" -> fragment ? BundleRevision.TYPE_FRAGMENT : 0;
                case "getDeclaredCapabilities" -> PackageNamespace.PACKAGE_NAMESPACE.equals(args[0]) && exports ? List.of(export) : List.of();
                default -> throw new UnsupportedOperationException(method.getName());
            });
        BundleRevisions revisions = (BundleRevisions) Proxy.newProxyInstance(ExporterMemoTest.class.getClassLoader(),
            new Class<?>[] { BundleRevisions.class }, (proxy, method, args) -> switch (method.getName()) {
                case "getRevisions" -> List.of(revision);
                default -> throw new UnsupportedOperationException(method.getName());
            });
        return (Bundle) Proxy.newProxyInstance(ExporterMemoTest.class.getClassLoader(), new Class<?>[] { Bundle.class },
            (proxy, method, args) -> switch (method.getName()) {
                case "adapt" -> args[0] == BundleRevisions.class ? revisions : null;
                case "toString" -> "bundle";
                case "hashCode" -> 1;
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }
}
