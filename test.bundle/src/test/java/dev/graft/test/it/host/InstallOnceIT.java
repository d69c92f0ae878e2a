package dev.graft.test.it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginState;
import dev.graft.test.LoadedPlugins;

/** No bundle location is ever installed twice, and the registry always agrees with the framework. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class InstallOnceIT {

    private static final int OPERATIONS = 500;

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
    void noLocationIsInstalledTwiceAndRegistryAndFrameworkAgreeAfter500RandomOperations() throws Exception {
        List<Path> folders = List.of(
            TestPlugins.supplier("once-a", "a").writeTo(site),
            TestPlugins.supplier("once-b", "b").writeTo(site),
            TestPlugins.countingActivator("once-c").writeTo(site));
        List<String> installed = new ArrayList<>();
        BundleListener recorder = event -> {
            if (event.getType() == BundleEvent.INSTALLED && event.getBundle().getLocation().startsWith("graft:")) {
                synchronized (installed) {
                    installed.add(event.getBundle().getLocation());
                }
            }
        };
        context.addBundleListener(recorder);
        Random random = new Random(20261121L);
        try {
            for (int i = 0; i < OPERATIONS; i++) {
                int which = random.nextInt(folders.size());
                String name = folders.get(which).getFileName().toString();
                switch (random.nextInt(3)) {
                    case 0 -> loader.load(folders.get(which), false);
                    case 1 -> loader.reload(name);
                    default -> loader.unload(name);
                }
                assertRegistryAgreesWithFramework(i);
            }
        } finally {
            context.removeBundleListener(recorder);
        }
        Set<String> distinct = new HashSet<>(installed);
        assertEquals(installed.size(), distinct.size(), "a location was installed twice");
        assertTrue(installed.size() > OPERATIONS / 3, "the operations installed bundles: " + installed.size());
    }

    private void assertRegistryAgreesWithFramework(int step) {
        Set<Long> active = new TreeSet<>();
        for (PluginRecord r : registry.plugins()) {
            if (r.name().startsWith("once-") && r.state() == PluginState.ACTIVE) {
                active.add(r.bundleId());
            }
        }
        Set<Long> framework = new TreeSet<>();
        for (Bundle b : context.getBundles()) {
            if (b.getLocation().startsWith("graft:once-")) {
                framework.add(b.getBundleId());
            }
        }
        assertEquals(framework, active, "after operation " + step);
    }
}
