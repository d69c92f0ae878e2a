package dev.graft.test.it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.compiler.PluginCompiler;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginState;
import dev.graft.host.SwapResult;
import dev.graft.test.LoadedPlugins;
import dev.graft.test.PluginSources;

/**
 * The framework keeps its default {@code org.osgi.framework.bsnversion} ({@code managed}); Graft's
 * collision hook lets only Graft's own installs run two bundles of one name and version.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class SideBySideVersionsIT {

    @InjectBundleContext
    BundleContext context;
    @InjectService
    PluginLoader loader;
    @InjectService
    PluginRegistry registry;
    @InjectService
    PluginCompiler compiler;
    @TempDir
    Path site;

    @AfterEach
    void unloadEverything() {
        LoadedPlugins.unloadAll(loader, registry);
    }

    @Test
    void frameworkRunsWithItsDefaultBsnVersionPolicy() {
        assertNotEquals("multiple", context.getProperty("org.osgi.framework.bsnversion"));
    }

    @Test
    void swapInstallsTheNewVersionBesideTheOldUnderTheSameNameAndVersion() throws Exception {
        Path folder = TestPlugins.supplier("beside", "one").writeTo(site);
        PluginRecord first = loader.load(folder, false);
        assertEquals(PluginState.ACTIVE, first.state(), () -> String.join("\n", first.problems()));
        TestPlugins.supplier("beside", "two").writeTo(site);

        SwapResult swapped = loader.swap("beside", folder, false);

        assertTrue(swapped.succeeded(), () -> String.join("\n", swapped.problems()));
        assertEquals(first.version(), swapped.plugin().version(), "the same bundle version");
        assertNotEquals(first.bundleId(), swapped.plugin().bundleId(), "a new bundle");
    }

    @Test
    void anotherBundleOfTheNameAndVersionOfALoadedPluginIsRefused() throws Exception {
        PluginSources sources = TestPlugins.supplier("not-twice", "one");
        PluginRecord loaded = loader.load(sources.writeTo(site), false);
        assertEquals(PluginState.ACTIVE, loaded.state(), () -> String.join("\n", loaded.problems()));
        byte[] jar = compiler.compile(sources.toSourcePlugin()).bundle().orElseThrow();

        BundleException refused = assertThrows(BundleException.class,
            () -> context.installBundle("test:not-twice", new ByteArrayInputStream(jar)));
        assertEquals(BundleException.DUPLICATE_BUNDLE_ERROR, refused.getType(), refused::getMessage);
    }
}
