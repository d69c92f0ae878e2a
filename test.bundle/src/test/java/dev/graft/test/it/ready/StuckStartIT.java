package dev.graft.test.it.ready;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.host.LoadOptions;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginState;
import dev.graft.host.SwapResult;
import dev.graft.test.LoadedPlugins;
import dev.graft.test.it.Settings;

/**
 * Starts and activations that do not return: each is reported stuck at the start deadline, its
 * bundle is abandoned, and the other plugins load. A stuck call here blocks until the test
 * releases it, so that nothing stays stuck in the test framework.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class StuckStartIT {

    private static final long START_DEADLINE_MILLIS = 2_000;
    /** Far under the five minutes a sleeping activator takes, far over the start deadline. */
    private static final long WELL_UNDER_MILLIS = 60_000;

    @InjectBundleContext
    BundleContext context;
    @InjectService
    PluginLoader loader;
    @InjectService
    PluginRegistry registry;
    @InjectService
    ConfigurationAdmin configurationAdmin;
    @TempDir
    Path site;

    private Settings deadline;
    private final List<String> released = List.of("stuck-start", "stuck-activate", "stuck-swap", "stuck-delayed");

    @BeforeEach
    void shortStartDeadline() throws Exception {
        deadline = Settings.startDeadline(configurationAdmin, context, START_DEADLINE_MILLIS);
    }

    @AfterEach
    void releaseAndUnload() throws Exception {
        released.forEach(name -> System.setProperty("graft.test.release." + name, "true"));
        deadline.close();
        LoadedPlugins.unloadAll(loader, registry);
        released.forEach(name -> System.clearProperty("graft.test.release." + name));
    }

    private List<PluginRecord> loadSiteWithOthers() throws Exception {
        ReadinessPlugins.supplier("other-a", "a").writeTo(site);
        ReadinessPlugins.supplier("other-b", "b").writeTo(site);
        long begin = System.nanoTime();
        List<PluginRecord> records = loader.loadAll(new LoadOptions(List.of(site), List.of(), false));
        long millis = (System.nanoTime() - begin) / 1_000_000;
        assertTrue(millis < WELL_UNDER_MILLIS, "the load took " + millis + " ms");
        for (String other : List.of("other-a", "other-b")) {
            PluginRecord r = named(records, other);
            assertEquals(PluginState.ACTIVE, r.state(), () -> other + ": " + r.problems());
        }
        return records;
    }

    private static PluginRecord named(List<PluginRecord> records, String name) {
        return records.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static void assertStuck(PluginRecord r, String stuckIn) {
        assertEquals(PluginState.FAILED, r.state());
        assertEquals("stuck: its start has not returned after " + START_DEADLINE_MILLIS
            + " ms (startDeadlineMillis); its bundle is abandoned, and uninstalled once the start returns", r.problems().get(0));
        assertEquals(1, r.stuckThreads().size());
        assertTrue(r.stuckThreads().get(0).contains(stuckIn), r.stuckThreads()::toString);
    }

    /** Waits until no bundle has the symbolic name: the abandoned bundle was uninstalled once its call returned. */
    private void awaitUninstalled(String name) throws InterruptedException {
        awaitInstalledAtMost(name, 0);
    }

    private void awaitInstalledAtMost(String name, long bundles) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (java.util.Arrays.stream(context.getBundles()).filter(b -> name.equals(b.getSymbolicName())).count() > bundles) {
            assertTrue(System.nanoTime() < end, "an abandoned bundle of " + name + " is still installed 30 s after its call returned");
            Thread.sleep(20);
        }
    }

    @Test
    void aStuckActivatorInASiteByConfigurationIsReportedAndTheOtherPluginsLoad() throws Exception {
        ReadinessPlugins.activator("stuck-site", ReadinessPlugins.blockUntilReleased("stuck-site")).writeTo(site);
        ReadinessPlugins.supplier("site-other", "a").writeTo(site);
        Configuration c = configurationAdmin.createFactoryConfiguration("dev.graft.site", "?");
        try {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("path", site.toString());
            properties.put("watch", false);
            c.update(properties);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(state("stuck-site") == PluginState.FAILED && state("site-other") == PluginState.ACTIVE)) {
                assertTrue(System.nanoTime() < end, "the site did not load: stuck-site " + state("stuck-site") + ", site-other "
                    + state("site-other"));
                Thread.sleep(20);
            }
            PluginRecord stuck = registry.plugin("stuck-site").orElseThrow();
            assertTrue(stuck.problems().get(0).startsWith("stuck: its start has not returned after " + START_DEADLINE_MILLIS + " ms"),
                stuck.problems()::toString);
        } finally {
            System.setProperty("graft.test.release.stuck-site", "true");
            c.delete();
        }
        awaitUninstalled("stuck-site");
        System.clearProperty("graft.test.release.stuck-site");
    }

    private PluginState state(String name) {
        return registry.plugin(name).map(PluginRecord::state).orElse(null);
    }

    @Test
    void aStuckActivatorIsReportedAndTheOtherPluginsLoad() throws Exception {
        ReadinessPlugins.activator("stuck-start", ReadinessPlugins.blockUntilReleased("stuck-start")).writeTo(site);
        PluginRecord stuck = named(loadSiteWithOthers(), "stuck-start");
        assertStuck(stuck, "t.stuck_start.Starts.start");
        System.setProperty("graft.test.release.stuck-start", "true");
        awaitUninstalled("stuck-start");
    }

    @Test
    void aStuckActivationIsReportedAndTheOtherPluginsLoad() throws Exception {
        ReadinessPlugins.activation("stuck-activate", ReadinessPlugins.blockUntilReleased("stuck-activate")).writeTo(site);
        PluginRecord stuck = named(loadSiteWithOthers(), "stuck-activate");
        assertStuck(stuck, "t.stuck_activate.Activates.activate");
        System.setProperty("graft.test.release.stuck-activate", "true");
        awaitUninstalled("stuck-activate");
    }

    @Test
    void anActivatorThatSleepsFiveMinutesIsInterruptedAtTheDeadlineAndHoldsNobody() throws Exception {
        ReadinessPlugins.activator("sleeper", ReadinessPlugins.SLEEP_FIVE_MINUTES).writeTo(site);
        PluginRecord sleeper = named(loadSiteWithOthers(), "sleeper");
        assertStuck(sleeper, "java.lang.Thread.sleep");
        awaitUninstalled("sleeper");
    }

    @Test
    void aStuckNewVersionIsAFailedSwapAndTheOldVersionKeepsServing() throws Exception {
        PluginRecord old = loader.load(ReadinessPlugins.supplier("stuck-swap", "old").writeTo(site.resolve("v1")), false);
        assertEquals(PluginState.ACTIVE, old.state(), old.problems()::toString);
        Path stuck = ReadinessPlugins.supplier("stuck-swap", "new")
            .bnd("Bundle-Activator: t.stuck_swap.Starts")
            .file("src/t/stuck_swap/Starts.java", ReadinessPlugins.activatorSource("stuck-swap", ReadinessPlugins.blockUntilReleased("stuck-swap")))
            .writeTo(site.resolve("v2"));
        SwapResult result = loader.swap("stuck-swap", stuck, false);
        assertFalse(result.succeeded());
        assertTrue(result.problems().get(0).startsWith("stuck: its start has not returned"), result.problems()::toString);
        assertEquals(old.bundleId(), registry.plugin("stuck-swap").orElseThrow().bundleId());
        assertEquals(Bundle.ACTIVE, context.getBundle(old.bundleId()).getState());
        @SuppressWarnings("unchecked")
        Supplier<String> service = (Supplier<String>) context.getService(
            context.getServiceReferences(Supplier.class, "(plugin=stuck-swap)").iterator().next());
        assertEquals("old", service.get());
        System.setProperty("graft.test.release.stuck-swap", "true");
        awaitInstalledAtMost("stuck-swap", 1);
    }

    @Test
    void aNewVersionWhoseDelayedComponentIsStuckActivatingIsAFailedSwap() throws Exception {
        PluginRecord old = loader.load(ReadinessPlugins.supplier("stuck-delayed", "old").writeTo(site.resolve("v1")), false);
        assertEquals(PluginState.ACTIVE, old.state(), old.problems()::toString);
        Path stuck = ReadinessPlugins.supplier("stuck-delayed", "new", ReadinessPlugins.blockUntilReleased("stuck-delayed"))
            .writeTo(site.resolve("v2"));
        SwapResult result = loader.swap("stuck-delayed", stuck, false);
        assertFalse(result.succeeded());
        assertTrue(result.problems().get(0).startsWith("stuck: a component's activation has not returned after " + START_DEADLINE_MILLIS),
            result.problems()::toString);
        assertEquals(old.bundleId(), registry.plugin("stuck-delayed").orElseThrow().bundleId());
        System.setProperty("graft.test.release.stuck-delayed", "true");
        awaitInstalledAtMost("stuck-delayed", 1);
    }
}
