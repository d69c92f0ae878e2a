package dev.graft.test.it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.host.LoadOptions;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginState;
import dev.graft.host.UnloadResult;
import dev.graft.test.LoadedPlugins;
import dev.graft.test.it.swap.ApiPlugins;

/** Unloading a plugin that others depend on, and the states the registry reads from the framework afterwards. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class UnloadIT {

    @InjectBundleContext
    BundleContext context;
    @InjectService
    PluginLoader loader;
    @InjectService
    PluginRegistry registry;
    @TempDir
    Path tmp;

    @AfterEach
    void unloadEverything() {
        LoadedPlugins.unloadAll(loader, registry);
    }

    private Map<String, PluginRecord> loadExamples() {
        Path examples = Path.of(context.getProperty("graft.examples"));
        List<PluginRecord> records = loader.loadAll(new LoadOptions(List.of(examples), List.of(), false));
        records.forEach(r -> assertEquals(PluginState.ACTIVE, r.state(), () -> r.name() + ": " + r.problems()));
        return records.stream().collect(Collectors.toMap(PluginRecord::name, Function.identity()));
    }

    private PluginRecord load(Path folder) {
        PluginRecord r = loader.load(folder, false);
        assertEquals(PluginState.ACTIVE, r.state(), r.problems()::toString);
        return r;
    }

    /** The registry's record and the framework agree: the bundle is active, and so is each component. */
    private void assertRunning(String name) {
        PluginRecord r = registry.plugin(name).orElseThrow();
        assertEquals(PluginState.ACTIVE, r.state(), name + ": " + r.problems());
        assertEquals(Bundle.ACTIVE, context.getBundle(r.bundleId()).getState(), name);
        assertTrue(r.components().stream().allMatch(c -> c.state().equals("active") || c.state().equals("satisfied")),
            () -> name + " " + r.components());
    }

    private void assertGone(PluginRecord was) {
        assertNull(context.getBundle(was.bundleId()), was.name() + " is uninstalled");
        assertEquals(PluginState.UNLOADED, registry.plugin(was.name()).orElseThrow().state(), was.name());
    }

    @Test
    void anApiThatLoadedPluginsDependOnIsNotUnloadedAndTheyAreNamed() {
        Map<String, PluginRecord> loaded = loadExamples();
        UnloadResult result = loader.unload("greeter-api", false);
        assertFalse(result.succeeded());
        assertEquals(List.of("bonjour", "greetings", "hello"), result.dependants().stream().sorted().toList());
        assertEquals(List.of(), result.unloaded());
        String why = result.problems().get(0);
        for (String dependant : List.of("bonjour", "greetings", "hello")) {
            assertTrue(why.contains(dependant + " [" + loaded.get(dependant).bundleId() + "]"), why);
        }
        assertTrue(loader.unload("greeter-api").isEmpty(), "the one-argument unload refuses too");
        loaded.keySet().forEach(this::assertRunning);
    }

    @Test
    void withItsDependantsAnApiIsUnloadedLastAfterThem() {
        Map<String, PluginRecord> loaded = loadExamples();
        UnloadResult result = loader.unload("greeter-api", true);
        assertTrue(result.succeeded(), result.problems()::toString);
        List<String> order = result.unloaded().stream().map(PluginRecord::name).toList();
        assertEquals(4, order.size(), order::toString);
        assertEquals("greeter-api", order.get(3));
        assertEquals(List.of("bonjour", "greetings", "hello"), order.subList(0, 3).stream().sorted().toList());
        for (String name : order) {
            assertGone(loaded.get(name));
        }
        assertRunning("uptime");
    }

    @Test
    void aChainIsUnloadedFromItsEndToItsStart() throws Exception {
        PluginRecord api = load(ApiPlugins.api("c-api", "1.0.0", true).writeTo(tmp));
        PluginRecord middle = load(ApiPlugins.middle("c-mid", "c-api").writeTo(tmp));
        PluginRecord end = load(ApiPlugins.end("c-end", "c-mid", "hey").writeTo(tmp));
        UnloadResult result = loader.unload("c-api", true);
        assertTrue(result.succeeded(), result.problems()::toString);
        assertEquals(List.of("c-mid", "c-end"), result.dependants());
        assertEquals(List.of("c-end", "c-mid", "c-api"), result.unloaded().stream().map(PluginRecord::name).toList());
        List.of(api, middle, end).forEach(this::assertGone);
    }

    @Test
    void aPluginWhoseProviderLeftBehindGraftsBackIsUnresolvedAndNamesTheMissingImport() throws Exception {
        PluginRecord api = load(ApiPlugins.api("u-api", "1.0.0", true).writeTo(tmp));
        PluginRecord speaker = load(ApiPlugins.speaker("u-speaker", "u-api", "hi", false).writeTo(tmp));
        Bundle apiBundle = context.getBundle(api.bundleId());
        apiBundle.uninstall();
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(apiBundle), e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        assertTrue(refreshed.await(30, TimeUnit.SECONDS));
        PluginRecord now = registry.plugin("u-speaker").orElseThrow();
        assertEquals(Bundle.INSTALLED, context.getBundle(speaker.bundleId()).getState());
        assertEquals(PluginState.UNRESOLVED, now.state());
        assertTrue(now.problems().get(0).contains("missing import t.u_api"), now.problems()::toString);
        assertEquals(List.of(), now.components());
        assertEquals(PluginState.UNRESOLVED, registry.plugins().stream().filter(r -> r.name().equals("u-speaker")).findFirst()
            .orElseThrow().state(), "the list says so too");
        assertTrue(loader.unload("u-speaker", false).succeeded(), "an unresolved plugin can be unloaded");
        assertGone(speaker);
    }
}
