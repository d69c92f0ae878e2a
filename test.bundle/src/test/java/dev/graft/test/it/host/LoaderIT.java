package dev.graft.test.it.host;

import static dev.graft.test.GraftAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.compiler.Diagnostic;
import dev.graft.host.LoadOptions;
import dev.graft.host.PluginListener;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginState;
import dev.graft.test.LoadedPlugin;
import dev.graft.test.LoadedPlugins;
import dev.graft.test.PluginKit;
import dev.graft.test.SourcePluginExtension;

@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
@ExtendWith(SourcePluginExtension.class)
class LoaderIT {

    @InjectBundleContext
    BundleContext context;
    @InjectService
    PluginLoader loader;
    @InjectService
    PluginRegistry registry;
    @TempDir
    Path site;

    @AfterEach
    void unloadEverything() {
        LoadedPlugins.unloadAll(loader, registry);
    }

    private List<PluginRecord> loadSite() {
        return loader.loadAll(new LoadOptions(List.of(site), List.of(), false));
    }

    @Test
    void theExamplesLoadInDependencyOrderWithEveryComponentActive() throws Exception {
        Path examples = Path.of(context.getProperty("graft.examples"));
        List<PluginRecord> records = loader.loadAll(new LoadOptions(List.of(examples), List.of(), false));
        assertEquals("greeter-api", records.get(0).name());
        assertEquals(List.of("bonjour", "greeter-api", "greetings", "hello", "uptime", "web", "wordwrap"),
            records.stream().map(PluginRecord::name).sorted().toList());
        for (PluginRecord r : records) {
            assertEquals(PluginState.ACTIVE, r.state(), () -> r.name() + ": " + r.problems());
            assertTrue(r.components().stream().allMatch(c -> c.state().equals("active") || c.state().equals("satisfied")),
                () -> r.name() + " components " + r.components());
            assertTrue(r.location().startsWith("graft:" + r.name() + "/"), r.location());
            assertEquals(context.getBundle(r.bundleId()).getSymbolicName(), r.name());
        }
        ServiceReference<?>[] greeters = context.getServiceReferences("com.example.greeter.Greeter", null);
        assertNotNull(greeters);
        assertEquals(2, greeters.length);
    }

    @Test
    void aReloadIsANewBundleUnderANewLocationAndRunsStartUpEffectsAgain() throws Exception {
        Path folder = TestPlugins.countingActivator("counter").writeTo(site);
        System.clearProperty("graft.test.counter.starts");
        PluginRecord first = loader.load(folder, false);
        PluginRecord second = loader.reload("counter").orElseThrow();
        assertEquals(PluginState.ACTIVE, second.state(), second.problems()::toString);
        assertNotEquals(first.location(), second.location());
        assertNotEquals(first.bundleId(), second.bundleId());
        assertTrue(first.location().matches("graft:counter/[0-9a-f]{12}/\\d+"), first.location());
        assertEquals(first.location().substring(0, first.location().lastIndexOf('/')),
            second.location().substring(0, second.location().lastIndexOf('/')), "same content, same digest");
        assertEquals("2", System.getProperty("graft.test.counter.starts"));
        assertNull(context.getBundle(first.location()), "the first bundle is gone");
    }

    @Test
    void aThrowingActivatorFailsItsPluginAloneAndLeavesNothingInstalled() throws Exception {
        TestPlugins.throwingActivator("boom").writeTo(site);
        TestPlugins.supplier("fine", "fine").writeTo(site);
        List<PluginRecord> records = loadSite();
        PluginRecord boom = records.stream().filter(r -> r.name().equals("boom")).findFirst().orElseThrow();
        PluginRecord fine = records.stream().filter(r -> r.name().equals("fine")).findFirst().orElseThrow();
        assertEquals(PluginState.FAILED, boom.state());
        assertTrue(boom.problems().get(0).contains("activator threw") && boom.problems().get(0).contains("boom in start"),
            boom.problems()::toString);
        assertNull(context.getBundle(boom.location()), "the failed bundle is uninstalled");
        assertEquals(PluginState.ACTIVE, fine.state(), fine.problems()::toString);
    }

    @Test
    void pluginsStartedTogetherFromTheCacheFailAlone(PluginKit kit, @TempDir Path cacheDir) throws Exception {
        kit.cacheIn(cacheDir);
        for (int i = 0; i < 4; i++) {
            TestPlugins.supplier("fine" + i, "value " + i).writeTo(site);
        }
        TestPlugins.throwingActivator("boom").writeTo(site);
        TestPlugins.failingComponent("fails").writeTo(site);
        LoadOptions cached = new LoadOptions(List.of(site), List.of(), true);
        loader.loadAll(cached);
        LoadedPlugins.unloadAll(loader, registry);
        List<PluginRecord> records = loader.loadAll(cached);
        assertEquals(6, records.size());
        for (PluginRecord r : records) {
            assertTrue(r.fromCache(), r.name() + " comes from the cache, so the wave is ready at once");
            if (r.name().startsWith("fine")) {
                assertEquals(PluginState.ACTIVE, r.state(), () -> r.name() + ": " + r.problems());
                assertEquals(Bundle.ACTIVE, context.getBundle(r.bundleId()).getState());
                assertEquals(List.of("satisfied"), r.components().stream().map(c -> c.state()).toList(), "a delayed component");
            } else {
                assertEquals(PluginState.FAILED, r.state(), r.name());
                assertNull(context.getBundle(r.location()), r.name() + "'s bundle is uninstalled");
            }
        }
        PluginRecord boom = records.stream().filter(r -> r.name().equals("boom")).findFirst().orElseThrow();
        assertTrue(boom.problems().get(0).contains("boom in start"), boom.problems()::toString);
        PluginRecord fails = records.stream().filter(r -> r.name().equals("fails")).findFirst().orElseThrow();
        assertTrue(fails.problems().get(0).startsWith("component t.fails.Fails failed to activate"), fails.problems()::toString);
        assertEquals(4, context.getServiceReferences(Supplier.class, "(plugin=fine*)").size());
    }

    @Test
    void aComponentThatFailsToActivateFailsItsPlugin(PluginKit kit) throws Exception {
        LoadedPlugin p = kit.load(TestPlugins.failingComponent("fails"));
        assertThat(p).hasState(PluginState.FAILED);
        assertTrue(p.problems().get(0).startsWith("component t.fails.Fails failed to activate"), p.problems()::toString);
        assertNull(context.getBundle(p.record().location()));
    }

    @Test
    void aPluginThatDoesNotCompileFailsWithTheErrorAtItsPosition(PluginKit kit) {
        assertThat(kit.compile(TestPlugins.api("api0", true))).hasSingleError().at("Api.java", 4, 18);
        assertThat(kit.load(TestPlugins.api("api0", true))).hasState(PluginState.FAILED)
            .hasProblemContaining("/api0/src/t/api/api0/Api.java:4:18: error: ");
    }

    @Test
    void aFailedRecordKeepsTheCompilerDiagnosticsAsValues() throws Exception {
        Path broken = TestPlugins.api("api3", true).writeTo(site);
        PluginRecord r = loader.load(broken, false);
        assertEquals(PluginState.FAILED, r.state());
        Diagnostic error = r.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow(() -> new AssertionError(r));
        assertEquals("src/t/api/api3/Api.java", error.file(), "relative to the plugin folder");
        assertEquals(4, error.line());
        assertEquals(18, error.column());
        assertTrue(r.problems().get(0).contains("Api.java:4:18: error: " + error.message()),
            () -> "the problem line prints the same diagnostic: " + r.problems());
    }

    @Test
    void aPluginWhoseFolderCannotBeReadKeepsTheReadersDiagnostic() throws Exception {
        Path folder = Files.createDirectories(site.resolve("bad name!"));
        PluginRecord r = loader.load(folder, false);
        assertEquals(PluginState.FAILED, r.state());
        assertEquals(1, r.diagnostics().size(), r::toString);
        assertTrue(r.diagnostics().get(0).message().contains("bad name!"), r::toString);
    }

    @Test
    void aBrokenCopyOfALoadedPluginLeavesTheLoadedOneRunningAndRecorded(@TempDir Path other) throws Exception {
        Path good = TestPlugins.api("api1", false).writeTo(site);
        Path broken = TestPlugins.api("api1", true).writeTo(other);
        PluginRecord loaded = loader.load(good, false);
        assertEquals(PluginState.ACTIVE, loaded.state(), loaded.problems()::toString);

        PluginRecord attempt = loader.load(broken, false);

        assertEquals(PluginState.FAILED, attempt.state());
        assertTrue(attempt.problems().get(0).contains("Api.java:4"), attempt.problems()::toString);
        assertEquals(Bundle.ACTIVE, context.getBundle(loaded.bundleId()).getState(), "the loaded version keeps running");
        PluginRecord now = registry.plugin("api1").orElseThrow();
        assertEquals(PluginState.ACTIVE, now.state(), "the registry still tells of the running version");
        assertEquals(loaded.bundleId(), now.bundleId());
        assertEquals(good.toString(), now.origin());
        assertTrue(loader.unload("api1").isPresent());
        assertNull(context.getBundle(loaded.bundleId()), "unloading by name reaches the running version");
    }

    @Test
    void aPluginWhoseDependencyFailedIsSkippedNamingIt() throws Exception {
        TestPlugins.api("api", true).writeTo(site);
        TestPlugins.apiUser("user", "api").writeTo(site);
        List<PluginRecord> records = loadSite();
        assertEquals(List.of("api", "user"), records.stream().map(PluginRecord::name).toList());
        assertEquals(PluginState.FAILED, records.get(0).state());
        assertTrue(records.get(0).problems().get(0).contains("Api.java:4"), records.get(0).problems()::toString);
        assertEquals(PluginState.SKIPPED, records.get(1).state());
        assertEquals(List.of("skipped because api failed (user -> api)"), records.get(1).problems());
    }

    @Test
    void aPluginUsesThePackageItsDependencyExportsFromTheInstalledBundle() throws Exception {
        TestPlugins.api("api2", false).writeTo(site);
        TestPlugins.apiUser("user2", "api2").writeTo(site);
        List<PluginRecord> records = loadSite();
        assertEquals(List.of(PluginState.ACTIVE, PluginState.ACTIVE), records.stream().map(PluginRecord::state).toList(),
            records::toString);
        Bundle user = context.getBundle(records.get(1).bundleId());
        assertTrue(user.getHeaders().get("Import-Package").contains("t.api.api2"), "imported, not embedded");
        assertNull(user.getEntry("t/api/api2/Api.class"), "the API class is not embedded again");
    }

    @Test
    void listenersAreToldOfLoadedFailedAndUnloadedPlugins() throws Exception {
        List<String> events = new ArrayList<>();
        ServiceRegistration<PluginListener> reg = context.registerService(PluginListener.class, new PluginListener() {
            @Override
            public void loaded(PluginRecord p) {
                events.add("loaded " + p.name());
            }

            @Override
            public void failed(PluginRecord p) {
                events.add("failed " + p.name());
            }

            @Override
            public void unloaded(PluginRecord p) {
                events.add("unloaded " + p.name());
            }
        }, null);
        try {
            loader.load(TestPlugins.supplier("heard", "x").writeTo(site), false);
            loader.load(TestPlugins.throwingActivator("heard-boom").writeTo(site), false);
            loader.unload("heard");
        } finally {
            reg.unregister();
        }
        assertEquals(List.of("loaded heard", "failed heard-boom", "unloaded heard"), events);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLoadedPluginServesItsService(PluginKit kit) throws Exception {
        LoadedPlugin p = kit.load(TestPlugins.supplier("served", "hello from served"));
        assertThat(p).isActive().hasAllComponentsActive().providesService(Supplier.class);
        ServiceReference<?>[] refs = context.getServiceReferences(Supplier.class.getName(), "(plugin=served)");
        assertNotNull(refs);
        assertEquals(p.bundleId(), refs[0].getBundle().getBundleId());
        assertEquals("hello from served", p.service(Supplier.class).get());
    }
}
