package dev.graft.test.it.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.cache.CacheKey;
import dev.graft.cache.Lookup;
import dev.graft.cache.MissReason;
import dev.graft.cache.PluginCache;
import dev.graft.cache.StoreResult;
import dev.graft.compiler.Build;
import dev.graft.compiler.CompileOptions;
import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.SourcePlugin;
import dev.graft.compiler.WiredPackage;
import dev.graft.test.it.FixedBuild;

/**
 * The PluginCache service in the running framework: configured through Configuration Admin, a
 * hit when the recorded wiring still holds, a miss when it does not.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class PluginCacheIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService
    ConfigurationAdmin configurationAdmin;

    @InjectService
    PluginCache cache;

    @InjectService
    PluginCompiler compiler;

    private Path dir;
    private Configuration configuration;

    @BeforeEach
    void configureATemporaryDirectory() throws Exception {
        dir = Files.createTempDirectory("graft-cache-it");
        configuration = configurationAdmin.getConfiguration(PluginCache.PID, "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("dir", dir.toString());
        configuration.update(properties);
        awaitTrue(() -> dir.equals(cache.directory()), "the cache moved to " + dir);
    }

    @AfterEach
    void removeConfigurationAndDirectory() throws Exception {
        configuration.delete();
        awaitTrue(() -> !dir.equals(cache.directory()), "the cache left " + dir);
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    @Test
    void configurationAdminSetsTheDirectoryAndPutWritesThere() {
        CacheKey key = cache.key(plugin("configured"), CompileOptions.defaults(17));
        StoreResult result = cache.put(key, build("configured", List.of()));
        assertEquals(StoreResult.Outcome.STORED, result.outcome(), result.detail());
        assertTrue(Files.isRegularFile(dir.resolve("entries").resolve(key.value() + ".entry")));
        assertFalse(cache.readOnly());
    }

    @Test
    void entryIsAHitWhileItsWiringHolds() {
        WiredPackage live = compiler.exporterOf("org.osgi.framework").orElseThrow();
        CacheKey key = cache.key(plugin("holds"), CompileOptions.defaults(17));
        cache.put(key, build("holds", List.of(live)));
        Lookup found = cache.find(key);
        assertTrue(found.isHit(), found.toString());
        assertArrayEquals(jar("holds"), found.bundle().orElseThrow());
        assertEquals(List.of(live), found.entry().orElseThrow().compiledAgainst());
    }

    @Test
    void aStoreInTheBackgroundIsSeenByTheNextLookOfThisProcess() {
        WiredPackage live = compiler.exporterOf("org.osgi.framework").orElseThrow();
        List<CacheKey> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CacheKey key = cache.key(plugin("later" + i), CompileOptions.defaults(17));
            cache.putInBackground(key, build("later" + i, List.of(live)));
            keys.add(key);
        }
        Lookup first = cache.find(keys.get(0));
        assertTrue(first.isHit(), first.toString());
        assertArrayEquals(jar("later0"), first.bundle().orElseThrow());
        assertEquals(5, cache.list().size(), () -> cache.list().toString());
        for (CacheKey key : keys) {
            assertTrue(Files.isRegularFile(dir.resolve("entries").resolve(key.value() + ".entry")), key.value());
        }
    }

    @Test
    void entryCompiledAgainstOtherExporterContentIsAStaleMiss() {
        WiredPackage live = compiler.exporterOf("org.osgi.framework").orElseThrow();
        WiredPackage before = new WiredPackage(live.packageName(), live.exporter(), live.exporterVersion(), "0".repeat(64));
        CacheKey key = cache.key(plugin("stale"), CompileOptions.defaults(17));
        cache.put(key, build("stale", List.of(before)));
        Lookup found = cache.find(key);
        assertEquals(Optional.of(MissReason.STALE_WIRING), found.reason(), found.toString());
        assertTrue(found.detail().contains("org.osgi.framework"), found.detail());
    }

    @Test
    void entryCompiledAgainstAnotherExporterVersionIsAStaleMiss() {
        WiredPackage live = compiler.exporterOf("org.osgi.framework").orElseThrow();
        WiredPackage before = new WiredPackage(live.packageName(), live.exporter(), "6.0.0", live.exporterDigest());
        CacheKey key = cache.key(plugin("older"), CompileOptions.defaults(17));
        cache.put(key, build("older", List.of(before)));
        assertEquals(Optional.of(MissReason.STALE_WIRING), cache.find(key).reason());
        assertEquals(1, cache.stats().misses(MissReason.STALE_WIRING));
    }

    @Test
    void aRememberedExporterGivesWayToANewlyResolvedOneAndComesBack() throws Exception {
        String pkg = "dev.graft.test.memo";
        Bundle first = exporter("memo.first", pkg, "1.0.0");
        CacheKey key = cache.key(plugin("memo"), CompileOptions.defaults(17));
        cache.put(key, build("memo", List.of(compiler.exporterOf(pkg).orElseThrow())));
        assertTrue(cache.find(key).isHit(), "the first exporter is the one recorded");

        Bundle second = exporter("memo.second", pkg, "2.0.0");
        Lookup found = cache.find(key);
        assertEquals(Optional.of(MissReason.STALE_WIRING), found.reason(), found.toString());
        assertTrue(found.detail().contains("memo.second"), found.detail());

        uninstall(second);
        assertTrue(cache.find(key).isHit(), "the first exporter again");
        uninstall(first);
        found = cache.find(key);
        assertTrue(found.detail().contains("no longer exported"), found.detail());
    }

    /** Installs and resolves a bundle that exports one package and holds nothing else. */
    private Bundle exporter(String name, String pkg, String version) throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", name);
        main.putValue("Export-Package", pkg + ";version=" + version);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry(pkg.replace('.', '/') + "/"));
            jar.closeEntry();
        }
        Bundle b = context.installBundle("test:" + name, new ByteArrayInputStream(bytes.toByteArray()));
        assertTrue(context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(b)), name + " resolves");
        return b;
    }

    private void uninstall(Bundle b) throws Exception {
        b.uninstall();
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(b), e -> done.countDown());
        assertTrue(done.await(30, TimeUnit.SECONDS), "refreshed");
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(10);
        }
    }

    private static SourcePlugin plugin(String name) {
        return SourcePlugin.of(name, Map.of("src/p/" + name + ".java", ("package p; class " + name + " {}").getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] jar(String name) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", name);
        main.putValue("Import-Package", "org.osgi.framework");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            JarEntry entry = new JarEntry("META-INF/MANIFEST.MF");
            entry.setTime(0);
            jar.putNextEntry(entry);
            manifest.write(jar);
            jar.closeEntry();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    private static Build build(String name, List<WiredPackage> wiring) {
        byte[] jar = jar(name);
        return new FixedBuild(name, () -> jar, null, wiring, "0".repeat(64));
    }
}
