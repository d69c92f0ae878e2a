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
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginService;
import dev.graft.host.PluginState;
import dev.graft.test.LoadedPlugins;
import dev.graft.test.PluginSources;

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

    @Test
    void aPluginWhoseServiceIsAnotherCopyOfTheTypeIsUnloadedSayingSo() throws Exception {
        PluginRecord api = loader.load(TestPlugins.api("typed-api", false).writeTo(site), false);
        assertEquals(PluginState.ACTIVE, api.state(), () -> String.join("\n", api.problems()));
        Class<?> hostSees = context.getBundle(api.bundleId()).loadClass("t.api.typed_api.Api");
        Path own = site.resolve("own-copy");
        PluginSources.named("typed-copy")
            .file("src/t/api/typed_api/Api.java", "package t.api.typed_api;\n\npublic interface Api {\n    String value();\n}\n")
            .file("src/t/copy/Impl.java", """
                package t.copy;

                import org.osgi.service.component.annotations.Component;
                import t.api.typed_api.Api;

                @Component(service = Api.class)
                public class Impl implements Api {
                    public String value() {
                        return "mine";
                    }
                }
                """)
            .writeTo(own);

        PluginService<?> refused = loader.load(own.resolve("typed-copy"), hostSees);

        assertEquals(PluginState.FAILED, refused.plugin().state());
        assertTrue(refused.service().isEmpty());
        assertEquals(List.of("typed-copy's t.api.typed_api.Api service is not of the class the host sees "
            + "(the plugin wires to another copy of it); unloaded"), refused.plugin().problems());
        assertTrue(Arrays.stream(context.getBundles()).noneMatch(b -> "typed-copy".equals(b.getSymbolicName())), "nothing stays installed");
    }
}
