package dev.graft.host.internal;

import static dev.graft.host.internal.SiteFixture.exports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.graft.host.FoundPlugin;
import dev.graft.host.LoadPlan;

class LoadOrderTest {

    @TempDir
    Path site;

    private LoadPlan plan() {
        return LoadOrder.plan(SiteScanner.scan(List.of(site)), pkg -> pkg.startsWith("org.osgi."));
    }

    private static List<String> names(LoadPlan plan) {
        return plan.plugins().stream().map(FoundPlugin::name).toList();
    }

    @Test
    void pluginsLoadAfterThePluginsWhosePackagesTheyImport() throws Exception {
        new SiteFixture(site)
            .plugin("a-user", "x.user", exports(), "x.mid")
            .plugin("b-mid", "x.mid", exports("x.mid"), "x.api")
            .plugin("c-api", "x.api", exports("x.api"));
        LoadPlan plan = plan();
        assertEquals(List.of("c-api", "b-mid", "a-user"), names(plan));
        assertEquals(List.of("b-mid"), plan.plugins().get(2).dependencies());
        assertTrue(plan.problems().isEmpty(), plan.problems()::toString);
    }

    @Test
    void aCycleIsAnErrorNamingTheChain() throws Exception {
        new SiteFixture(site)
            .plugin("b", "x.b", exports("x.b"), "x.c")
            .plugin("c", "x.c", exports("x.c"), "x.b")
            .plugin("free", "x.free", exports());
        LoadPlan plan = plan();
        assertTrue(plan.problems().contains("cycle: b -> c -> b"), plan.problems()::toString);
        assertEquals(List.of("b", "c"), plan.blocked().keySet().stream().sorted().toList());
        assertEquals("cycle: b -> c -> b", plan.blocked().get("c"));
        assertTrue(names(plan).contains("free"));
    }

    @Test
    void aMissingProviderBlocksThePluginAndThoseThatNeedIt() throws Exception {
        new SiteFixture(site)
            .plugin("needs-missing", "x.n", exports("x.n"), "com.nowhere")
            .plugin("user", "x.u", exports(), "x.n");
        LoadPlan plan = plan();
        assertTrue(plan.problems().contains(
            "needs-missing -> package com.nowhere (imported by src/x/n/Api.java): no plugin and no installed bundle exports it"),
            plan.problems()::toString);
        assertTrue(plan.problems().contains("user -> needs-missing: needs-missing cannot load, so user is skipped"),
            plan.problems()::toString);
        assertEquals(List.of("needs-missing", "user"), List.copyOf(plan.blocked().keySet()));
    }

    @Test
    void packagesOfInstalledBundlesAndTheJdkNeedNoPlugin() throws Exception {
        new SiteFixture(site).plugin("p", "x.p", exports(), "org.osgi.framework", "java.util");
        LoadPlan plan = plan();
        assertTrue(plan.problems().isEmpty(), plan.problems()::toString);
        assertTrue(plan.blocked().isEmpty());
    }

    @Test
    void wavesGroupIndependentPlugins() throws Exception {
        new SiteFixture(site)
            .plugin("api", "x.api", exports("x.api"))
            .plugin("one", "x.one", exports(), "x.api")
            .plugin("two", "x.two", exports(), "x.api");
        List<List<FoundPlugin>> waves = Waves.of(plan().plugins());
        assertEquals(2, waves.size());
        assertEquals(List.of("api"), waves.get(0).stream().map(FoundPlugin::name).toList());
        assertEquals(List.of("one", "two"), waves.get(1).stream().map(FoundPlugin::name).sorted().toList());
    }
}
