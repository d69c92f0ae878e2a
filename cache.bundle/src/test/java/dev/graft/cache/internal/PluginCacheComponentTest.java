package dev.graft.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import dev.graft.cache.CacheKey;
import dev.graft.compiler.CompileOptions;
import dev.graft.compiler.HostFingerprint;
import dev.graft.compiler.PluginCompiler;

/** The DS component, opened up: lazy directory, reconfiguration, default location. */
class PluginCacheComponentTest {

    @TempDir
    Path tmp;

    /** A compiler in a framework with no bundles: nothing exports a package, and no Graft, ECJ or bnd bundle is there. */
    private static PluginCompiler compilerOfEmptyFramework() {
        return (PluginCompiler) Proxy.newProxyInstance(PluginCacheComponentTest.class.getClassLoader(),
            new Class<?>[] { PluginCompiler.class }, (proxy, method, args) -> switch (method.getName()) {
                case "exporterOf" -> Optional.empty();
                case "hostFingerprint" -> new HostFingerprint("absent", "absent", "absent", Runtime.version().toString());
                case "toString" -> "compiler of an empty framework";
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }

    /** The cache component as SCR activates it in a framework with no bundles. */
    static PluginCacheComponent activated(CacheConfiguration config) {
        PluginCacheComponent cache = new PluginCacheComponent();
        cache.compiler = compilerOfEmptyFramework();
        cache.activate(emptyFramework(), config);
        return cache;
    }

    /** A bundle context of a framework with no bundles. */
    private static BundleContext emptyFramework() {
        return (BundleContext) Proxy.newProxyInstance(PluginCacheComponentTest.class.getClassLoader(),
            new Class<?>[] { BundleContext.class }, (proxy, method, args) -> switch (method.getName()) {
                case "getBundles" -> new Bundle[0];
                case "addBundleListener", "removeBundleListener" -> null;
                case "toString" -> "empty framework";
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }

    /** A typed configuration as SCR makes it: the given values, else the defaults. */
    static CacheConfiguration config(Map<String, Object> values) {
        return (CacheConfiguration) Proxy.newProxyInstance(PluginCacheComponentTest.class.getClassLoader(),
            new Class<?>[] { CacheConfiguration.class }, (proxy, method, args) -> values.getOrDefault(method.getName(), method.getDefaultValue()));
    }

    @Test
    void activationTouchesNoFileUntilFirstUse() {
        Path dir = tmp.resolve("not-yet");
        PluginCacheComponent cache = activated(config(Map.of("dir", dir.toString())));
        assertEquals(dir, cache.directory());
        CacheKey key = cache.key(Fixtures.plugin("p"), CompileOptions.defaults(17));
        cache.stats();
        assertFalse(Files.exists(dir), "neither activation, nor a key, nor stats create the directory");

        assertTrue(cache.put(key, new Fixtures.TestBuild("p", java.util.Optional.of(Fixtures.jar("p", 0)), java.util.List.of())).stored());
        assertTrue(Files.isDirectory(dir));
        assertTrue(cache.find(key).isHit(), "no imports recorded, so the wiring holds");
    }

    @Test
    void entryCompiledAgainstAPackageNobodyExportsNowIsStale() {
        PluginCacheComponent cache = activated(config(Map.of("dir", tmp.resolve("c").toString())));
        CacheKey key = cache.key(Fixtures.plugin("p"), CompileOptions.defaults(17));
        cache.put(key, Fixtures.build("p"));
        var found = cache.find(key);
        assertEquals(java.util.Optional.of(dev.graft.cache.MissReason.STALE_WIRING), found.reason());
        assertTrue(found.detail().contains("org.osgi.framework is no longer exported"), found.detail());
    }

    @Test
    void reconfigurationMovesTheCache() {
        PluginCacheComponent cache = activated(config(Map.of("dir", tmp.resolve("first").toString())));
        CacheKey key = cache.key(Fixtures.plugin("p"), CompileOptions.defaults(17));
        cache.put(key, new Fixtures.TestBuild("p", java.util.Optional.of(Fixtures.jar("p", 0)), java.util.List.of()));

        cache.modified(config(Map.of("dir", tmp.resolve("second").toString(), "readOnly", true)));
        assertEquals(tmp.resolve("second"), cache.directory());
        assertTrue(cache.readOnly());
        assertFalse(cache.find(key).isHit(), "the second directory is empty");
        assertFalse(Files.exists(tmp.resolve("second")), "and read-only creates nothing");

        cache.modified(config(Map.of("dir", tmp.resolve("first").toString())));
        assertTrue(cache.find(key).isHit());
    }

    @Test
    void keyCarriesTheFrameworksHostFingerprint() {
        PluginCacheComponent cache = activated(config(Map.of()));
        CacheKey key = cache.key(Fixtures.plugin("p"), CompileOptions.defaults(17));
        assertEquals("graft=absent;ecj=absent;bnd=absent;java=" + Runtime.version(), key.host());
    }

    @Test
    void defaultDirectoryFollowsXdgThenHome() {
        assertEquals(Paths.get("/x/cache/graft"), PluginCacheComponent.directoryOf("", "/x/cache", "/home/u"));
        assertEquals(Paths.get("/home/u/.cache/graft"), PluginCacheComponent.directoryOf("", null, "/home/u"));
        assertEquals(Paths.get("/home/u/.cache/graft"), PluginCacheComponent.directoryOf(" ", "relative", "/home/u"),
            "XDG_CACHE_HOME must be absolute to count");
        assertEquals(Paths.get("/home/u/c"), PluginCacheComponent.directoryOf("~/c", "/x", "/home/u"));
        assertEquals(Paths.get("/srv/c"), PluginCacheComponent.directoryOf("/srv/c", "/x", "/home/u"));
    }
}
