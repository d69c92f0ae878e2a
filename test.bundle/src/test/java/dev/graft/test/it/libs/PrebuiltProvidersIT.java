package dev.graft.test.it.libs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.compiler.PluginCompiler;
import dev.graft.host.FoundPlugin;
import dev.graft.host.LoadOptions;
import dev.graft.host.LoadPlan;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginState;
import dev.graft.host.SwapResult;
import dev.graft.test.LoadedPlugins;
import dev.graft.test.it.swap.ApiPlugins;

/**
 * Prebuilt bundles are providers: an API plugin replaced by its jar (made by graft compile), given
 * with --jar or dropped into the site, is planned and installed before the plugins that import it,
 * which compile against it. Jars of a site that are not bundles, or are cut short, are refused.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class PrebuiltProvidersIT {

    @InjectBundleContext
    BundleContext context;
    @InjectService
    PluginCompiler compiler;
    @InjectService
    PluginLoader loader;
    @InjectService
    PluginRegistry registry;
    @TempDir
    Path tmp;
    Path site;
    Path apiJar;

    /** The shop: an API made into a jar, and two plugins of the site that implement it. */
    @BeforeEach
    void shop() throws Exception {
        site = Files.createDirectory(tmp.resolve("site"));
        apiJar = tmp.resolve("shop-api.jar");
        assertTrue(compiler.compileTo(ApiPlugins.api("shop-api", "1.0.0", true).toSourcePlugin(), apiJar).succeeded());
        ApiPlugins.speaker("shop-en", "shop-api", "hello", false).writeTo(site);
        ApiPlugins.speaker("shop-fr", "shop-api", "bonjour", false).writeTo(site);
    }

    @AfterEach
    void unloadEverything() {
        LoadedPlugins.unloadAll(loader, registry);
    }

    private static List<String> names(LoadPlan plan) {
        return plan.plugins().stream().map(FoundPlugin::name).toList();
    }

    private void assertLoadedInOrder(List<PluginRecord> records, Path jar) {
        assertEquals(List.of("shop-api", "shop-en", "shop-fr"), records.stream().map(PluginRecord::name).toList());
        records.forEach(r -> assertEquals(PluginState.ACTIVE, r.state(), () -> r.name() + ": " + r.problems()));
        assertEquals(jar.toString(), records.get(0).origin());
        Bundle api = context.getBundle(records.get(0).bundleId());
        Bundle en = context.getBundle(records.get(1).bundleId());
        assertTrue(api.getBundleId() < en.getBundleId(), "the jar is installed before the plugins that use it");
        assertTrue(en.adapt(org.osgi.framework.wiring.BundleWiring.class).getRequiredWires("osgi.wiring.package").stream()
            .anyMatch(w -> w.getProvider().getBundle().equals(api)), "shop-en is wired to the jar's bundle");
    }

    @Test
    void anApiGivenAsAJarLoadsBeforeThePluginsThatImportIt() {
        LoadPlan plan = loader.plan(List.of(site), List.of(apiJar));
        assertEquals(List.of(), plan.problems());
        assertEquals(List.of("shop-api", "shop-en", "shop-fr"), names(plan));
        assertTrue(plan.plugins().get(0).prebuilt());
        assertEquals(List.of("shop-api"), plan.plugins().get(1).dependencies());
        assertLoadedInOrder(loader.loadAll(plan, new LoadOptions(List.of(site), List.of(apiJar), false)), apiJar);
    }

    @Test
    void anApiAsAJarInTheSiteLoadsBeforeThePluginsThatImportIt() throws Exception {
        Path inSite = Files.copy(apiJar, site.resolve("shop-api.jar"));
        LoadPlan plan = loader.plan(List.of(site));
        assertEquals(List.of(), plan.problems());
        assertEquals(List.of("shop-api", "shop-en", "shop-fr"), names(plan));
        assertEquals(inSite, plan.plugins().get(0).folder());
        assertLoadedInOrder(loader.loadAll(new LoadOptions(List.of(site), List.of(), false)), inSite);
    }

    @Test
    void aNewJarOfTheApiSwapsWithThePluginsThatDependOnIt() throws Exception {
        Path inSite = Files.copy(apiJar, site.resolve("shop-api.jar"));
        List<PluginRecord> loaded = loader.loadAll(new LoadOptions(List.of(site), List.of(), false));
        loaded.forEach(r -> assertEquals(PluginState.ACTIVE, r.state(), () -> r.name() + ": " + r.problems()));
        Path next = tmp.resolve("shop-api-1.1.jar");
        assertTrue(compiler.compileTo(ApiPlugins.api("shop-api", "1.1.0", false).toSourcePlugin(), next).succeeded());
        Files.copy(next, inSite, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        SwapResult swap = loader.swap("shop-api", inSite);
        assertTrue(swap.succeeded(), swap.problems()::toString);
        assertEquals(List.of("shop-en", "shop-fr"), swap.dependants().stream().map(PluginRecord::name).sorted().toList());
        Bundle api = context.getBundle(registry.plugin("shop-api").orElseThrow().bundleId());
        assertEquals("1.1.0", api.adapt(org.osgi.framework.wiring.BundleRevision.class).getDeclaredCapabilities("osgi.wiring.package")
            .get(0).getAttributes().get("version").toString());
        Bundle en = context.getBundle(registry.plugin("shop-en").orElseThrow().bundleId());
        assertTrue(en.adapt(org.osgi.framework.wiring.BundleWiring.class).getRequiredWires("osgi.wiring.package").stream()
            .anyMatch(w -> w.getProvider().getBundle().equals(api)), "shop-en follows the new jar");
    }

    @Test
    void aJarOfTheSiteThatIsNoBundleIsRefusedAndTheRestLoads() throws Exception {
        Path plain = site.resolve("plain.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream out = Files.newOutputStream(plain); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry("data/readme.txt"));
            jar.write("a plain library".getBytes());
            jar.closeEntry();
        }
        Files.copy(apiJar, site.resolve("shop-api.jar"));
        LoadPlan plan = loader.plan(List.of(site));
        assertEquals(List.of(plain + ": not an OSGi bundle (its manifest has no Bundle-SymbolicName); a plain library belongs in the"
            + " lib/ folder of the plugin that uses it"), plan.problems());
        assertEquals(List.of("shop-api", "shop-en", "shop-fr"), names(plan));
        loader.loadAll(plan, new LoadOptions(List.of(site), List.of(), false))
            .forEach(r -> assertEquals(PluginState.ACTIVE, r.state(), () -> r.name() + ": " + r.problems()));
        assertFalse(Arrays.stream(context.getBundles()).anyMatch(b -> b.getLocation().contains("plain")));
    }

    @Test
    void aJarCutShortIsNeverInstalled() throws Exception {
        byte[] whole = Files.readAllBytes(apiJar);
        Path half = site.resolve("shop-api.jar");
        Files.write(half, Arrays.copyOf(whole, whole.length / 2));
        LoadPlan plan = loader.plan(List.of(site));
        assertTrue(plan.problems().contains(half + ": not a complete jar (no end of central directory: the file is cut short, still"
            + " being written, or not a jar)"), plan.problems()::toString);
        assertEquals(List.of("shop-en", "shop-fr"), plan.plugins().stream().map(FoundPlugin::name).sorted().toList());
        PluginRecord direct = loader.load(half, false);
        assertEquals(PluginState.FAILED, direct.state());
        assertTrue(direct.problems().get(0).startsWith(half + ": not a complete jar"), direct.problems()::toString);
        assertFalse(Arrays.stream(context.getBundles()).anyMatch(b -> "shop-api".equals(b.getSymbolicName())));
    }
}
