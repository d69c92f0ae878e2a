package dev.graft.test.it.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.cache.PluginCache;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginState;
import dev.graft.host.SwapResult;
import dev.graft.test.it.Settings;
import dev.graft.test.it.swap.SwapPlugins.Stage;

/**
 * Swaps that fail at every stage, 20 times each, while a client calls the plugin's service
 * throughout: every call is answered by the old version.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class FailureInjectionIT {

    private static final int TIMES = 20;

    @InjectBundleContext
    BundleContext context;
    @InjectService
    PluginLoader loader;
    @InjectService
    PluginCache cache;
    @InjectService
    ConfigurationAdmin configurationAdmin;
    @TempDir
    Path tmp;

    @Test
    void everyCallIsAnsweredByTheOldVersionWhileSwapsFailAtEachStage() throws Exception {
        String name = "injected";
        Map<Stage, Path> broken = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            broken.put(stage, SwapPlugins.broken(name, stage).writeTo(tmp.resolve(stage.name())));
        }
        try (Settings cacheDir = Settings.cacheDirectory(configurationAdmin, cache, tmp.resolve("cache"));
            Settings deadline = Settings.componentDeadline(configurationAdmin, context, 100)) {
            PluginRecord old = loader.load(SwapPlugins.serving(name, "old").writeTo(tmp.resolve("good")), true);
            assertEquals(PluginState.ACTIVE, old.state(), old.problems()::toString);
            ServiceCalls client = new ServiceCalls(context, "(plugin=" + name + ")");
            try {
                for (Stage stage : Stage.values()) {
                    long begin = System.nanoTime();
                    for (int i = 0; i < TIMES; i++) {
                        SwapResult r = loader.swap(name, broken.get(stage));
                        assertFalse(r.succeeded(), stage + " swapped in");
                        assertTrue(r.problems().stream().anyMatch(p -> p.contains(stage.reported)), stage + ": " + r.problems());
                    }
                    System.out.printf("failure injection: %s x%d in %d ms%n", stage, TIMES, (System.nanoTime() - begin) / 1_000_000);
                }
                int seen = client.calls();
                while (client.calls() < seen + 10 && client.crash() == null) {
                    Thread.sleep(1);
                }
            } finally {
                client.close();
            }
            assertNull(client.crash());
            assertEquals(0, client.missing(), "calls that found no service");
            assertEquals(Map.of("old", client.calls()), client.answers());
            assertTrue(client.calls() > 100, "the client called " + client.calls() + " times");
            List<Bundle> named = Arrays.stream(context.getBundles()).filter(b -> name.equals(b.getSymbolicName())).toList();
            assertEquals(List.of(old.bundleId()), named.stream().map(Bundle::getBundleId).toList());
            loader.unload(name);
        }
        assertEquals(List.of(), loader.pinnedRevisions().stream().filter(r -> r.name().equals(name)).toList(),
            "no failed version stays reachable");
    }
}
