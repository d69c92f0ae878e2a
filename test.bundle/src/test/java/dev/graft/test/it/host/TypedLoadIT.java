package dev.graft.test.it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginService;
import dev.graft.host.PluginState;
import dev.graft.test.LoadedPlugins;

/** PluginLoader.load(folder, Type.class): the plugin must provide what the host expects. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class TypedLoadIT {

    @InjectBundleContext
    BundleContext context;
    @InjectService
    PluginLoader loader;
    @InjectService
    PluginRegistry registry;
    @TempDir
    Path site;

    @AfterEach
    void unloadEverything() {
        LoadedPlugins.unloadAll(loader, registry);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void typedLoadGivesThePluginsServiceOfTheExpectedType() throws Exception {
        PluginService<Supplier> loaded = loader.load(TestPlugins.supplier("typed-ok", "typed").writeTo(site), Supplier.class);

        assertEquals(PluginState.ACTIVE, loaded.plugin().state(), () -> String.join("\n", loaded.plugin().problems()));
        assertEquals("typed", loaded.service().orElseThrow().get());
    }

    @Test
    void pluginWithoutTheExpectedServiceIsRefusedBeforeInstallNamingWhatItProvides() throws Exception {
        PluginService<Runnable> refused = loader.load(TestPlugins.supplier("typed-other", "x").writeTo(site), Runnable.class);

        assertEquals(PluginState.FAILED, refused.plugin().state());
        assertTrue(refused.service().isEmpty());
        assertEquals(List.of("typed-other provides no java.lang.Runnable service (it provides: java.util.function.Supplier)"),
            refused.plugin().problems());
        assertTrue(Arrays.stream(context.getBundles()).noneMatch(b -> "typed-other".equals(b.getSymbolicName())), "nothing installed");
    }
}
