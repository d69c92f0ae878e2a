package dev.graft.test.it.ready;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.util.tracker.ServiceTracker;

import dev.graft.host.ComponentState;
import dev.graft.host.LoadOptions;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginState;
import dev.graft.host.SwapResult;
import dev.graft.test.LoadedPlugins;
import dev.graft.test.it.Settings;

/**
 * Readiness that follows Declarative Services: what nothing in the load will bring is not waited
 * for. The component deadline is set to a minute, so a load that waited for it would show.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ReadinessIT {

    private static final long LONG_DEADLINE_MILLIS = 60_000;
    /** Well under the deadline: a load that waited for it takes longer. */
    private static final long WELL_UNDER_MILLIS = 30_000;

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

    @AfterEach
    void unloadEverything() {
        LoadedPlugins.unloadAll(loader, registry);
    }

    private List<PluginRecord> loadSite() throws Exception {
        try (Settings deadline = Settings.componentDeadline(configurationAdmin, context, LONG_DEADLINE_MILLIS)) {
            long begin = System.nanoTime();
            List<PluginRecord> records = loader.loadAll(new LoadOptions(List.of(site), List.of(), false));
            long millis = (System.nanoTime() - begin) / 1_000_000;
            assertTrue(millis < WELL_UNDER_MILLIS, "the load took " + millis + " ms: it waited for the component deadline");
            return records;
        }
    }

    private static PluginRecord named(List<PluginRecord> records, String name) {
        return records.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static void assertAllActive(PluginRecord r) {
        assertEquals(PluginState.ACTIVE, r.state(), r.problems()::toString);
        assertTrue(r.components().stream().allMatch(c -> c.state().equals("active") || c.state().equals("satisfied")),
            () -> r.name() + " components " + r.components());
    }

    @SuppressWarnings("unchecked")
    private String awaitAnswer(String plugin) throws Exception {
        ServiceTracker<Supplier, Supplier> tracker = new ServiceTracker<>(context, context.createFilter("(plugin=" + plugin + ")"), null);
        tracker.open();
        try {
            Supplier<String> s = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
            assertNotNull(s, "no service of " + plugin + " within 30 s");
            return s.get();
        } finally {
            tracker.close();
        }
    }

    private Configuration configure(String pid, String greeting) throws Exception {
        Configuration c = configurationAdmin.getConfiguration(pid, "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("greeting", greeting);
        c.update(properties);
        return c;
    }

    @Test
    void aComponentWithoutItsRequiredConfigurationIsReportedWaitingAndActivatedWhenOneIsAdded() throws Exception {
        ReadinessPlugins.configured("needs-cfg", "hello ").writeTo(site);
        ReadinessPlugins.supplier("plain", "plain").writeTo(site);
        List<PluginRecord> records = loadSite();
        assertAllActive(named(records, "plain"));
        PluginRecord waiting = named(records, "needs-cfg");
        assertEquals(PluginState.ACTIVE, waiting.state(), waiting.problems()::toString);
        assertEquals(List.of(new ComponentState("t.needs_cfg.Configured", "unsatisfied configuration", "",
            "configuration PID t.needs_cfg")), waiting.components());
        Configuration c = configure("t.needs_cfg", "operator");
        try {
            assertEquals("hello operator", awaitAnswer("needs-cfg"));
            assertEquals(waiting.bundleId(), registry.plugin("needs-cfg").orElseThrow().bundleId(), "no swap: the same bundle");
        } finally {
            c.delete();
        }
    }

    @Test
    void aReferenceToAServiceNobodyProvidesIsNamedAtOnce() throws Exception {
        ReadinessPlugins.consumer("lonely", "java.util.function.LongSupplier").writeTo(site);
        ReadinessPlugins.supplier("plain", "plain").writeTo(site);
        List<PluginRecord> records = loadSite();
        assertAllActive(named(records, "plain"));
        PluginRecord lonely = named(records, "lonely");
        assertEquals(PluginState.ACTIVE, lonely.state(), lonely.problems()::toString);
        assertEquals(List.of(new ComponentState("t.lonely.Consumer", "unsatisfied reference", "",
            "service java.util.function.LongSupplier")), lonely.components());
    }

    @Test
    void aReferenceToAServiceALaterWaveProvidesIsWaitedForThenActive() throws Exception {
        ReadinessPlugins.consumer("early", "java.util.function.DoubleSupplier").writeTo(site);
        ReadinessPlugins.api("marker").writeTo(site);
        ReadinessPlugins.doubleSupplierUsing("late", "marker").writeTo(site);
        List<PluginRecord> records = loadSite();
        assertTrue(records.indexOf(named(records, "late")) > records.indexOf(named(records, "marker")), records::toString);
        assertAllActive(named(records, "late"));
        PluginRecord early = named(records, "early");
        assertAllActive(early);
        assertEquals(List.of("active"), early.components().stream().map(ComponentState::state).toList());
    }

    @Test
    void aSwapOfAPluginWithARequireComponentDoesNotWaitForItsConfiguration() throws Exception {
        Path v1 = ReadinessPlugins.configured("swapped-cfg", "v1 ").writeTo(site.resolve("v1"));
        Path v2 = ReadinessPlugins.configured("swapped-cfg", "v2 ").bnd("Bundle-Version: 2.0.0").writeTo(site.resolve("v2"));
        try (Settings deadline = Settings.componentDeadline(configurationAdmin, context, LONG_DEADLINE_MILLIS)) {
            PluginRecord old = loader.load(v1, false);
            assertEquals(PluginState.ACTIVE, old.state(), old.problems()::toString);
            long begin = System.nanoTime();
            SwapResult result = loader.swap("swapped-cfg", v2, false);
            long millis = (System.nanoTime() - begin) / 1_000_000;
            assertTrue(result.succeeded(), result.problems()::toString);
            assertTrue(millis < WELL_UNDER_MILLIS, "the swap took " + millis + " ms: it waited for the component deadline");
            assertEquals("configuration PID t.swapped_cfg", result.plugin().components().get(0).waitingFor());
        }
        Configuration c = configure("t.swapped_cfg", "configured");
        try {
            assertEquals("v2 configured", awaitAnswer("swapped-cfg"));
            Path v3 = ReadinessPlugins.configured("swapped-cfg", "v3 ").bnd("Bundle-Version: 3.0.0").writeTo(site.resolve("v3"));
            SwapResult configured = loader.swap("swapped-cfg", v3, false);
            assertTrue(configured.succeeded(), configured.problems()::toString);
            assertEquals("3.0.0", configured.plugin().version());
            assertEquals("v3 configured", awaitAnswer("swapped-cfg"));
        } finally {
            c.delete();
        }
    }
}
