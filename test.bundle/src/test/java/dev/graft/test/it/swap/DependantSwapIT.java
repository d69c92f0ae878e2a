package dev.graft.test.it.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
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
import dev.graft.host.LoadOptions;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginState;
import dev.graft.host.SwapPlan;
import dev.graft.host.SwapResult;
import dev.graft.test.LoadedPlugins;
import dev.graft.test.PluginSources;
import dev.graft.test.it.Settings;

/** Swapping a plugin that other plugins depend on: they are rebuilt and swapped with it, all or nothing. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class DependantSwapIT {

    @InjectBundleContext
    BundleContext context;
    @InjectService
    PluginLoader loader;
    @InjectService
    PluginRegistry registry;
    @InjectService
    PluginCompiler compiler;
    @InjectService
    ConfigurationAdmin configurationAdmin;
    @InjectService
    PluginCache cache;
    @TempDir
    Path tmp;

    @AfterEach
    void unloadEverything() {
        LoadedPlugins.unloadAll(loader, registry);
    }

    private PluginRecord loaded(Path folder) {
        PluginRecord r = loader.load(folder, false);
        assertEquals(PluginState.ACTIVE, r.state(), r.problems()::toString);
        return r;
    }

    private Path write(String variant, PluginSources plugin) throws Exception {
        return plugin.writeTo(tmp.resolve(variant));
    }

    private String answer(String name) throws Exception {
        return Answers.of(context, name);
    }

    private List<Long> bundlesNamed(String name) {
        return Arrays.stream(context.getBundles()).filter(b -> name.equals(b.getSymbolicName())).map(Bundle::getBundleId).toList();
    }

    private boolean wiredTo(long bundle, long provider) {
        BundleWiring wiring = context.getBundle(bundle).adapt(BundleWiring.class);
        return wiring != null && wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
            .anyMatch(w -> w.getProvider().getBundle().getBundleId() == provider);
    }

    /** The registry, read live, and the framework agree that the plugin runs as the given bundle. */
    private void assertRunsAs(String name, long bundle) {
        PluginRecord r = registry.plugin(name).orElseThrow();
        assertEquals(PluginState.ACTIVE, r.state(), name + ": " + r.problems());
        assertEquals(bundle, r.bundleId(), name);
        assertEquals(Bundle.ACTIVE, context.getBundle(bundle).getState(), name);
        assertEquals(List.of(bundle), bundlesNamed(name), name + ": no other bundle of it is installed");
    }

    @Test
    void raisingTheExamplesApiVersionSwapsItsDependantsWithItWiredToTheNewVersion() throws Exception {
        Path examples = Path.of(context.getProperty("graft.examples"));
        Path site = tmp.resolve("site");
        for (String name : List.of("greeter-api", "hello", "bonjour", "greetings")) {
            PluginSources.from(examples.resolve(name)).writeTo(site);
        }
        List<PluginRecord> before = loader.loadAll(new LoadOptions(List.of(site), List.of(), false));
        before.forEach(r -> assertEquals(PluginState.ACTIVE, r.state(), () -> r.name() + ": " + r.problems()));
        Path v2 = PluginSources.from(site.resolve("greeter-api"))
            .edit("src/com/example/greeter/package-info.java", s -> s.replace("\"1.0.0\"", "\"2.0.0\"")).writeTo(tmp.resolve("v2"));
        SwapResult result = loader.swap("greeter-api", v2, false);
        assertTrue(result.succeeded(), result.problems()::toString);
        assertEquals(List.of("bonjour", "greetings", "hello"), result.dependants().stream().map(PluginRecord::name).sorted().toList());
        long api = result.plugin().bundleId();
        assertRunsAs("greeter-api", api);
        for (PluginRecord d : result.dependants()) {
            assertRunsAs(d.name(), d.bundleId());
            assertTrue(wiredTo(d.bundleId(), api), d.name() + " imports from the new greeter-api");
            assertTrue(before.stream().noneMatch(b -> b.bundleId() == d.bundleId()), d.name() + " is a new bundle");
        }
        assertEquals(2, context.getServiceReferences("com.example.greeter.Greeter", null).length);
    }

    @Test
    void anApiThatDropsAMethodADependantCallsChangesNothingAndTheCallIsNamed() throws Exception {
        PluginRecord api = loaded(write("v1", ApiPlugins.api("m-api", "1.0.0", true)));
        PluginRecord shouter = loaded(write("v1", ApiPlugins.speaker("m-shouter", "m-api", "hi", true)));
        PluginRecord speaker = loaded(write("v1", ApiPlugins.speaker("m-speaker", "m-api", "ho", false)));
        SwapResult result = loader.swap("m-api", write("v2", ApiPlugins.api("m-api", "1.0.0", false)), false);
        assertFalse(result.succeeded());
        String problems = String.join("\n", result.problems());
        assertTrue(result.problems().get(0).startsWith("m-shouter cannot follow the new m-api (the exports of m-api changed: t.m_api 1.0.0: Speaker changed)"),
            problems);
        assertTrue(problems.contains("Voice.java:13:") && problems.contains("shout()"), problems);
        String last = result.problems().get(result.problems().size() - 1);
        assertTrue(last.startsWith("the old versions keep running: m-api [" + api.bundleId() + "], ") && last.contains("m-shouter ["
            + shouter.bundleId() + "]") && last.contains("m-speaker [" + speaker.bundleId() + "]"), last);
        assertRunsAs("m-api", api.bundleId());
        assertRunsAs("m-shouter", shouter.bundleId());
        assertRunsAs("m-speaker", speaker.bundleId());
        assertEquals("HI", answer("m-shouter"));
    }

    @Test
    void aChainOfThreeFollowsItsApiInOrder() throws Exception {
        loaded(write("v1", ApiPlugins.api("c-api", "1.0.0", true)));
        loaded(write("v1", ApiPlugins.middle("c-mid", "c-api")));
        loaded(write("v1", ApiPlugins.end("c-end", "c-mid", "hey")));
        SwapResult result = loader.swap("c-api", write("v2", ApiPlugins.api("c-api", "2.0.0", true)), false);
        assertTrue(result.succeeded(), result.problems()::toString);
        assertEquals(List.of("c-mid", "c-end"), result.dependants().stream().map(PluginRecord::name).toList());
        long api = result.plugin().bundleId();
        long middle = result.dependants().get(0).bundleId();
        long end = result.dependants().get(1).bundleId();
        assertTrue(wiredTo(middle, api));
        assertTrue(wiredTo(end, middle));
        assertRunsAs("c-api", api);
        assertRunsAs("c-mid", middle);
        assertRunsAs("c-end", end);
        assertEquals("hey!", answer("c-end"));
    }

    @Test
    void aPrebuiltJarDependantFollowsACompatibleApiAndRefusesAnIncompatibleOne() throws Exception {
        PluginRecord api = loaded(write("v1", ApiPlugins.api("j-api", "1.0.0", true)));
        Path jar = tmp.resolve("j-jar.jar");
        Build build = compiler.compileTo(ApiPlugins.speaker("j-jar", "j-api", "jj", false).toSourcePlugin(), jar);
        assertTrue(build.succeeded(), build.diagnostics()::toString);
        PluginRecord prebuilt = loader.loadJar(jar);
        assertEquals(PluginState.ACTIVE, prebuilt.state(), prebuilt.problems()::toString);

        SwapResult compatible = loader.swap("j-api", write("v1.1", ApiPlugins.api("j-api", "1.1.0", true)), false);
        assertTrue(compatible.succeeded(), compatible.problems()::toString);
        PluginRecord again = compatible.dependants().get(0);
        assertEquals(jar.toString(), again.origin());
        assertNotEquals(prebuilt.bundleId(), again.bundleId());
        assertTrue(wiredTo(again.bundleId(), compatible.plugin().bundleId()));

        SwapResult incompatible = loader.swap("j-api", write("v2", ApiPlugins.api("j-api", "2.0.0", true)), false);
        assertFalse(incompatible.succeeded());
        assertTrue(incompatible.problems().get(0).startsWith("j-jar (a prebuilt jar, " + jar + ", that cannot be rebuilt: the new j-api does not satisfy it)"),
            incompatible.problems()::toString);
        assertTrue(String.join("\n", incompatible.problems()).contains("t.j_api"), incompatible.problems()::toString);
        assertRunsAs("j-api", compatible.plugin().bundleId());
        assertRunsAs("j-jar", again.bundleId());
        assertNull(context.getBundle(api.bundleId()));
        assertEquals("jj", answer("j-jar"));
    }

    @Test
    void theServicesOfDependantsHaveNoGap() throws Exception {
        loaded(write("v1", ApiPlugins.api("g-api", "1.0.0", true)));
        PluginRecord speaker = loaded(write("v1", ApiPlugins.speaker("g-speaker", "g-api", "hello", false)));
        SwapResult result;
        try (ServiceCount count = new ServiceCount(context, "(plugin=g-speaker)");
            ServiceCalls calls = new ServiceCalls(context, "(plugin=g-speaker)")) {
            long until = System.nanoTime() + 30_000_000_000L;
            while (calls.calls() == 0 && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            result = loader.swap("g-api", write("v2", ApiPlugins.api("g-api", "2.0.0", true)), false);
            assertTrue(result.succeeded(), result.problems()::toString);
            long now = result.dependants().get(0).bundleId();
            assertEquals(List.of("registered by " + now, "unregistering from " + speaker.bundleId()), count.events());
            assertEquals(1, count.fewest(), "at every moment one version of the dependant's service is registered");
            calls.close();
            assertNull(calls.crash());
            assertEquals(Map.of("hello", calls.calls() - calls.missing()), calls.answers(), "every answer is the dependant's");
        }
        assertEquals("hello", answer("g-speaker"));
    }

    @Test
    void aRetriedApiSwapTakesTheDependantsThatBuiltBeforeFromTheCache() throws Exception {
        try (Settings cacheDir = Settings.cacheDirectory(configurationAdmin, cache, tmp.resolve("cache"))) {
            assertEquals(PluginState.ACTIVE, loader.load(write("v1", ApiPlugins.api("r-api", "1.0.0", true)), true).state());
            assertEquals(PluginState.ACTIVE, loader.load(write("v1", ApiPlugins.middle("r-mid", "r-api")), true).state());
            assertEquals(PluginState.ACTIVE, loader.load(write("v1", ApiPlugins.end("r-end", "r-mid", "r")), true).state());
            Path v2 = write("v2", ApiPlugins.api("r-api", "2.0.0", true)
                .edit("src/t/r_api/Speaker.java", text -> text.replace("String speak();", "String speak();\n    String whisper();")));
            SwapResult broken = loader.swap("r-api", v2, true);
            assertFalse(broken.succeeded(), "r-end does not implement whisper()");
            assertTrue(broken.problems().get(0).startsWith("r-end cannot follow the new r-api"), broken.problems()::toString);

            SwapResult fixed = loader.swap("r-end", write("v2", ApiPlugins.end("r-end", "r-mid", "r")
                .edit("src/t/r_end/Shouter.java", text -> text.replace("public String get() {",
                    "public String whisper() {\n        return \"psst\";\n    }\n\n    public String get() {"))), true);
            assertTrue(fixed.succeeded(), fixed.problems()::toString);
            SwapResult retried = loader.swap("r-api", v2, true);
            assertTrue(retried.succeeded(), retried.problems()::toString);
            assertEquals(List.of("r-mid", "r-end"), retried.dependants().stream().map(PluginRecord::name).toList());
            assertTrue(retried.dependants().get(0).fromCache(), "r-mid was built against this r-api by the first attempt");
            assertFalse(retried.dependants().get(1).fromCache(), "r-end changed since");
            assertEquals("r!", answer("r-end"));
        }
    }

    @Test
    void aDryRunListsTheSetAndInstallsNothing() throws Exception {
        loaded(write("v1", ApiPlugins.api("d-api", "1.0.0", true)));
        PluginRecord speaker = loaded(write("v1", ApiPlugins.speaker("d-speaker", "d-api", "x", false)));
        int bundles = context.getBundles().length;
        SwapPlan plan = loader.planSwap("d-api", write("v2", ApiPlugins.api("d-api", "2.0.0", true)));
        assertTrue(plan.loaded());
        assertEquals(List.of("d-speaker"), plan.dependants());
        assertTrue(plan.steps().get(1).startsWith("d-speaker [" + speaker.bundleId() + "]: rebuilt from "), plan.steps()::toString);
        assertEquals(bundles, context.getBundles().length);
    }
}
