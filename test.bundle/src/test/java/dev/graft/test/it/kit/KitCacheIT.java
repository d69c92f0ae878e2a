package dev.graft.test.it.kit;

import static dev.graft.test.GraftAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

import dev.graft.cache.PluginCache;
import dev.graft.test.LoadedPlugin;
import dev.graft.test.PluginKit;

/** The kit leaves nothing in the cache unless the test names a cache directory, and then only there. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class KitCacheIT {

    @InjectBundleContext
    BundleContext context;
    @InjectService
    ConfigurationAdmin configurationAdmin;
    @InjectService
    PluginCache cache;
    @TempDir
    Path frameworkCache;

    private Configuration configuration;

    @BeforeEach
    void pointTheFrameworksCacheAtAnEmptyDirectory() throws Exception {
        configuration = configurationAdmin.getConfiguration(PluginCache.PID, "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("dir", frameworkCache.toString());
        configuration.update(properties);
        long end = System.nanoTime() + 10_000_000_000L;
        while (!frameworkCache.equals(cache.directory()) && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertEquals(frameworkCache, cache.directory());
    }

    @AfterEach
    void forgetTheConfiguration() throws Exception {
        configuration.delete();
    }

    @Test
    void loadsAndSwapsLeaveNothingInTheCacheWhenTheTestNamesNoDirectory() throws Exception {
        try (PluginKit kit = PluginKit.open(context)) {
            LoadedPlugin v1 = kit.load(KitPlugins.supplier("c.none", "one"));
            assertThat(kit.swap(v1, KitPlugins.supplier("c.none", "two"))).succeeded();
        }
        assertEquals(java.util.List.of(), list(frameworkCache), "nothing was written to " + frameworkCache);
    }

    @Test
    void aNamedCacheDirectoryGetsTheBuildsAndTheConfigurationComesBackAfterwards(@TempDir Path named) throws Exception {
        try (PluginKit kit = PluginKit.open(context).cacheIn(named)) {
            assertEquals(named, cache.directory());
            LoadedPlugin v1 = kit.load(KitPlugins.supplier("c.named", "one"));
            assertFalse(v1.record().fromCache());
            assertThat(kit.swap(v1, KitPlugins.supplier("c.named", "two"))).succeeded();
            assertEquals(2, cache.list().size(), () -> cache.list().toString());
            LoadedPlugin again = kit.load(KitPlugins.supplier("c.named", "one"));
            assertTrue(again.record().fromCache(), "the second load of the same sources is a hit");
        }
        assertEquals(frameworkCache, cache.directory());
        assertEquals(java.util.List.of(), list(frameworkCache), "nothing was written to " + frameworkCache);
    }

    private static java.util.List<Path> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> !f.equals(dir)).toList();
        }
    }
}
