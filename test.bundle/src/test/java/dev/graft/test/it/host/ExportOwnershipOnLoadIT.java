package dev.graft.test.it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.cache.CacheKey;
import dev.graft.cache.PluginCache;
import dev.graft.compiler.Build;
import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.SourcePlugin;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginState;
import dev.graft.test.LoadedPlugins;
import dev.graft.test.PluginKit;
import dev.graft.test.PluginSources;
import dev.graft.test.SourcePluginExtension;

/**
 * A bundle built before another plugin took a package (a cache entry, a jar of graft compile) is
 * checked for export ownership when it loads, as a compile is.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
@ExtendWith(SourcePluginExtension.class)
class ExportOwnershipOnLoadIT {

    private static final String REFUSAL = ": error: plugin taker cannot export package t.owned: it belongs to plugin owner";

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

    @AfterEach
    void unloadEverything() {
        LoadedPlugins.unloadAll(loader, registry);
    }

    private static PluginSources exporting(String name, String version) {
        return PluginSources.named(name).bnd("Export-Package: t.owned;version=" + version)
            .file("src/t/owned/Thing.java", "package t.owned;\n\npublic class Thing {\n}\n");
    }

    private void loadOwner() throws Exception {
        PluginRecord owner = loader.load(exporting("owner", "1.0").writeTo(Files.createDirectories(tmp.resolve("owners"))), false);
        assertEquals(PluginState.ACTIVE, owner.state(), owner.problems()::toString);
    }

    @Test
    void aCachedBuildExportingAPackageALoadedPluginOwnsIsRefused(PluginKit kit) throws Exception {
        kit.cacheIn(Files.createDirectories(tmp.resolve("cache")));
        Path taker = exporting("taker", "1.1").writeTo(Files.createDirectories(tmp.resolve("site")));
        SourcePlugin plugin = compiler.read(taker);
        Build build = compiler.compile(plugin, compiler.defaultOptions(), List.of());
        assertTrue(build.succeeded(), build.diagnostics()::toString);
        PluginCache cache = context.getService(context.getServiceReference(PluginCache.class));
        CacheKey key = cache.key(plugin, compiler.defaultOptions());
        cache.put(key, build);
        assertTrue(cache.find(key).isHit(), "the taker's build is in the cache");
        loadOwner();
        PluginRecord r = loader.load(taker, true);
        assertEquals(PluginState.FAILED, r.state());
        assertTrue(r.problems().get(0).startsWith(taker + REFUSAL), r.problems()::toString);
    }

    @Test
    void aPrecompiledJarExportingAPackageALoadedPluginOwnsIsRefused() throws Exception {
        Path jar = tmp.resolve("taker.jar");
        assertTrue(compiler.compileTo(exporting("taker", "1.1").toSourcePlugin(), jar).succeeded());
        loadOwner();
        PluginRecord r = loader.loadJar(jar);
        assertEquals(PluginState.FAILED, r.state());
        assertTrue(r.problems().get(0).startsWith(jar + REFUSAL), r.problems()::toString);
    }
}
