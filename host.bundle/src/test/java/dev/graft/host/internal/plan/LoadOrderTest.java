package dev.graft.host.internal.plan;


import static dev.graft.host.internal.plan.SiteFixture.exports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.graft.host.FoundPlugin;
import dev.graft.host.LoadPlan;

class LoadOrderTest {

    private final SiteFixture site = new SiteFixture();

    private LoadPlan plan() {
        return LoadOrder.plan(site.scan(), pkg -> pkg.startsWith("org.osgi."));
    }

    private static List<String> names(LoadPlan plan) {
        return plan.plugins().stream().map(FoundPlugin::name).toList();
    }

    @Test
    void pluginsLoadAfterThePluginsWhosePackagesTheyImport() {
        site
            .plugin("a-user", "x.user", exports(), "x.mid")
            .plugin("b-mid", "x.mid", exports("x.mid"), "x.api")
            .plugin("c-api", "x.api", exports("x.api"));
        LoadPlan plan = plan();
        assertEquals(List.of("c-api", "b-mid", "a-user"), names(plan));
        assertEquals(List.of("b-mid"), plan.plugins().get(2).dependencies());
        assertTrue(plan.problems().isEmpty(), plan.problems()::toString);
    }

    @Test
    void aCycleIsAnErrorNamingTheChain() {
        site
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
    void aMissingProviderBlocksThePluginAndThoseThatNeedIt() {
        site
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
    void packagesOfInstalledBundlesAndTheJdkNeedNoPlugin() {
        site.plugin("p", "x.p", exports(), "org.osgi.framework", "java.util");
        LoadPlan plan = plan();
        assertTrue(plan.problems().isEmpty(), plan.problems()::toString);
        assertTrue(plan.blocked().isEmpty());
    }

    @Test
    void wavesGroupIndependentPlugins() {
        site
            .plugin("api", "x.api", exports("x.api"))
            .plugin("one", "x.one", exports(), "x.api")
            .plugin("two", "x.two", exports(), "x.api");
        List<List<FoundPlugin>> waves = Waves.of(plan().plugins());
        assertEquals(2, waves.size());
        assertEquals(List.of("api"), waves.get(0).stream().map(FoundPlugin::name).toList());
        assertEquals(List.of("one", "two"), waves.get(1).stream().map(FoundPlugin::name).sorted().toList());
    }

    @Test
    void fullyQualifiedNamesOrderPluginsAfterTheExporterOfTheirLongestPackage() {
        site.qualified("ping", "ping", exports("ping"), "pong.api.Pong", "pong.api.Pong.Inner", "local.variable")
            .plugin("pong", "pong.api", exports("pong.api"))
            .plugin("pong-parent", "pong", exports("pong"));
        LoadPlan plan = plan();
        assertTrue(names(plan).indexOf("pong") < names(plan).indexOf("ping"), names(plan)::toString);
        FoundPlugin ping = plan.plugins().get(names(plan).indexOf("ping"));
        assertEquals(List.of("pong"), ping.dependencies());
        assertTrue(plan.problems().isEmpty(), plan.problems()::toString);
    }

    @Test
    void aFullyQualifiedNameOfAnOwnPackageIsNoDependency() {
        site.qualified("mine", "x.a", exports("x.a"), "x.a.Type")
            .qualified("other", "x.a", exports(), "x.a.Type");
        LoadPlan plan = plan();
        assertEquals(List.of(List.of(), List.of()), plan.plugins().stream().map(FoundPlugin::dependencies).toList());
    }

    @Test
    void aCycleOfFullyQualifiedNamesIsNamedAsACycle() {
        site.qualified("ping", "ping.api", exports("ping.api"), "pong.api.Pong")
            .qualified("pong", "pong.api", exports("pong.api"), "ping.api.Ping");
        LoadPlan plan = plan();
        assertEquals(List.of("cycle: ping -> pong -> ping"), plan.problems());
        assertEquals(List.of("ping", "pong"), plan.blocked().keySet().stream().sorted().toList());
    }

    @Test
    void aPackageDeclaredByTwoPluginsIsNamedASplitPackage() {
        site.plugin("one", "x.shared", exports("x.shared"))
            .plugin("two", "x.shared", exports());
        LoadPlan plan = plan();
        assertEquals(List.of("split package x.shared: declared by both one and two; a package belongs to one plugin"), plan.problems());
    }

    @Test
    void manyDeclarersOfOnePackageAreCountedNotListed() {
        assertEquals("both a and b", LoadOrder.declarers(List.of("a", "b")));
        assertEquals("a, b and c", LoadOrder.declarers(List.of("a", "b", "c")));
        assertEquals("a, b, c and d", LoadOrder.declarers(List.of("a", "b", "c", "d")));
        assertEquals("a, b, c and 7 others", LoadOrder.declarers(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")));
    }
}
