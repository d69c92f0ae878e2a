package dev.graft.test.it.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.cache.PluginCache;
import dev.graft.compiler.Build;
import dev.graft.compiler.PluginCompiler;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginState;
import dev.graft.host.SwapResult;
import dev.graft.test.LoadedPlugins;
import dev.graft.test.PluginSources;
import dev.graft.test.it.Settings;
import dev.graft.test.it.swap.SwapPlugins.Stage;

/** Swapping a plugin for a new version: no gap, re-wiring of its users, and rollback at every stage. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class SwapIT {

    @InjectBundleContext
    BundleContext context;
    @InjectService
    PluginLoader loader;
    @InjectService
    PluginRegistry registry;
    @InjectService
    ConfigurationAdmin configurationAdmin;
    @InjectService
    PluginCache cache;
    @InjectService
    PluginCompiler compiler;
    @TempDir
    Path tmp;

    @AfterEach
    void unloadEverything() {
        LoadedPlugins.unloadAll(loader, registry);
    }

    private Path write(String variant, PluginSources plugin) throws Exception {
        return plugin.writeTo(tmp.resolve(variant));
    }

    private PluginRecord loaded(Path folder) {
        PluginRecord r = loader.load(folder, false);
        assertEquals(PluginState.ACTIVE, r.state(), r.problems()::toString);
        return r;
    }

    private String answer(String name) throws Exception {
        return Answers.of(context, name);
    }

    private List<Bundle> bundlesNamed(String name) {
        return Arrays.stream(context.getBundles()).filter(b -> name.equals(b.getSymbolicName())).toList();
    }

    @Test
    void theNewVersionIsRegisteredBeforeTheOldOneLeaves() throws Exception {
        PluginRecord old = loaded(write("v1", SwapPlugins.serving("nogap", "v1")));
        SwapResult result;
        try (ServiceCount count = new ServiceCount(context, "(plugin=nogap)")) {
            result = loader.swap("nogap", write("v2", SwapPlugins.serving("nogap", "v2")));
            assertTrue(result.succeeded(), result.problems()::toString);
            assertEquals(List.of("registered by " + result.plugin().bundleId(), "unregistering from " + old.bundleId()), count.events());
            assertEquals(1, count.fewest(), "at every moment at least one version is registered");
        }
        assertNotEquals(old.bundleId(), result.plugin().bundleId());
        assertNotEquals(old.location(), result.plugin().location());
        assertNull(context.getBundle(old.bundleId()), "the old bundle is uninstalled");
        assertEquals(List.of(result.plugin().bundleId()), bundlesNamed("nogap").stream().map(Bundle::getBundleId).toList());
        assertEquals("v2", answer("nogap"));
        assertEquals(result.plugin(), registry.plugin("nogap").orElseThrow().with(PluginState.ACTIVE, result.plugin().components()));
    }

    @Test
    void bundlesThatAreNotPluginsWiredToTheOldVersionAreRewiredToTheNewAndReported() throws Exception {
        PluginRecord api = loaded(write("v1", SwapPlugins.servingAndExporting("provider", "one")));
        Build consumer = compiler.compile(SwapPlugins.user("consumer", "provider").toSourcePlugin());
        assertTrue(consumer.succeeded(), consumer.diagnostics()::toString);
        Bundle user = context.installBundle("test:consumer-of-provider", new ByteArrayInputStream(consumer.bundle().orElseThrow()));
        try {
            user.start();
            SwapResult result = loader.swap("provider", write("v2", SwapPlugins.servingAndExporting("provider", "two")));
            assertTrue(result.succeeded(), result.problems()::toString);
            long now = result.plugin().bundleId();
            assertEquals(List.of(), result.dependants(), "a bundle that is not a plugin is not swapped with it");
            assertEquals(List.of("consumer [" + user.getBundleId() + "] -> provider [" + now + "]"), result.rewired());
            BundleWiring wiring = user.adapt(BundleWiring.class);
            assertTrue(wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .anyMatch(w -> w.getProvider().getBundle().getBundleId() == now), "the consumer imports from the new version");
            assertEquals(Bundle.ACTIVE, user.getState(), "the consumer was restarted");
            assertNull(context.getBundle(api.bundleId()));
            assertEquals("two", answer("provider"));
        } finally {
            user.uninstall();
        }
    }

    @Test
    void aNewVersionThatExportsThePackagesOfTheOldOneIsNotRestartedByTheRefresh() throws Exception {
        PluginRecord old = loaded(write("v1", SwapPlugins.servingAndExporting("exporter", "one")));
        try (ServiceCount count = new ServiceCount(context, "(plugin=exporter)")) {
            SwapResult result = loader.swap("exporter", write("v2", SwapPlugins.servingAndExporting("exporter", "two")));
            assertTrue(result.succeeded(), result.problems()::toString);
            assertEquals(List.of("registered by " + result.plugin().bundleId(), "unregistering from " + old.bundleId()), count.events(),
                "the new version was not wired to the old one, so refreshing the old one left it alone");
            assertEquals(1, count.fewest());
        }
        assertEquals("two", answer("exporter"));
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void aFailureAtAnyStageLeavesTheOldVersionUntouchedAndServing(Stage stage) throws Exception {
        PluginRecord old = loaded(write("v1", SwapPlugins.serving("rollback", "old")));
        try (Settings deadline = Settings.componentDeadline(configurationAdmin, context, 200)) {
            SwapResult result = loader.swap("rollback", write(stage.name(), SwapPlugins.broken("rollback", stage)));
            assertFalse(result.succeeded());
            assertTrue(result.problems().stream().anyMatch(p -> p.contains(stage.reported)), result.problems()::toString);
            assertEquals("the old version (bundle " + old.bundleId() + ") keeps running", result.problems().get(result.problems().size() - 1));
            assertEquals(old.bundleId(), result.plugin().bundleId());
        }
        assertEquals(List.of(old.bundleId()), bundlesNamed("rollback").stream().map(Bundle::getBundleId).toList(),
            "nothing of the new version stays installed");
        assertEquals(Bundle.ACTIVE, context.getBundle(old.bundleId()).getState());
        PluginRecord now = registry.plugin("rollback").orElseThrow();
        assertEquals(old.location(), now.location());
        assertEquals(PluginState.ACTIVE, now.state());
        assertEquals("old", answer("rollback"));
    }

    @Test
    void theComponentDeadlineIsConfigurable() throws Exception {
        loaded(write("v1", SwapPlugins.serving("deadline", "old")));
        Path waits = write("waits", SwapPlugins.broken("deadline", Stage.DEADLINE));
        try (Settings deadline = Settings.componentDeadline(configurationAdmin, context, 150)) {
            long begin = System.nanoTime();
            SwapResult result = loader.swap("deadline", waits);
            long millis = (System.nanoTime() - begin) / 1_000_000;
            assertEquals("deadline passed: component t.deadline.Value is unsatisfied reference (waiting for service "
                + "java.util.function.Supplier (plugin=nobody)) after 150 ms (componentDeadlineMillis)",
                result.problems().get(0));
            assertTrue(millis < 5_000, "took " + millis + " ms");
        }
    }

    @Test
    void aComponentThatWaitedForAServiceInTheOldVersionTooDoesNotStopTheSwap() throws Exception {
        try (Settings deadline = Settings.componentDeadline(configurationAdmin, context, 100)) {
            PluginRecord old = loader.load(write("v1", SwapPlugins.broken("waiting", Stage.DEADLINE)), false);
            assertEquals("unsatisfied reference", old.components().get(0).state());
            SwapResult result = loader.swap("waiting", write("v2", SwapPlugins.broken("waiting", Stage.DEADLINE).file("bnd.bnd",
                "Bundle-Version: 2.0.0\n")));
            assertTrue(result.succeeded(), result.problems()::toString);
            assertEquals("2.0.0", result.plugin().version());
        }
    }

    @Test
    void aCopiedFolderIsAPluginOfItsOwnEvenWhenItsTwinIsInTheCache() throws Exception {
        String same = "package t.twin;\n\npublic class Same {\n}\n";
        try (Settings cacheDir = Settings.cacheDirectory(configurationAdmin, cache, tmp.resolve("cache"))) {
            PluginRecord a = loader.load(PluginSources.named("twin-a").file("src/t/twin/Same.java", same).writeTo(tmp), true);
            PluginRecord b = loader.load(PluginSources.named("twin-b").file("src/t/twin/Same.java", same).writeTo(tmp), true);
            assertEquals(PluginState.ACTIVE, b.state(), b.problems()::toString);
            assertFalse(b.fromCache(), "the twin's entry is not this plugin's");
            assertEquals("twin-a", context.getBundle(a.bundleId()).getSymbolicName());
            assertEquals("twin-b", context.getBundle(b.bundleId()).getSymbolicName());
        }
    }

    @Test
    void aSwapOfAPluginThatIsNotLoadedLoadsIt() throws Exception {
        SwapResult result = loader.swap("fresh", write("v1", SwapPlugins.serving("fresh", "first")), false);
        assertTrue(result.succeeded(), result.problems()::toString);
        assertEquals("first", answer("fresh"));
    }

    @Test
    void aFolderThatHoldsAnotherPluginIsRefused() throws Exception {
        PluginRecord old = loaded(write("v1", SwapPlugins.serving("mine", "mine")));
        Path other = write("v1", SwapPlugins.serving("other", "other"));
        SwapResult result = loader.swap("mine", other);
        assertFalse(result.succeeded());
        assertEquals(List.of(other + " holds plugin other, not mine"), result.problems());
        assertEquals(old.bundleId(), registry.plugin("mine").orElseThrow().bundleId());
    }
}
