package dev.graft.test.it.kit;

import static dev.graft.test.GraftAssertions.assertThat;
import static dev.graft.test.it.kit.BuildAssertIT.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.graft.host.PluginState;
import dev.graft.test.LoadedPlugin;
import dev.graft.test.PluginKit;
import dev.graft.test.PluginSwap;
import dev.graft.test.SourcePluginExtension;

/** The assertions on swaps pass when they should, and fail with a message that names the services. */
@ExtendWith(SourcePluginExtension.class)
class SwapAssertIT {

    @Test
    void aSwapReplacesTheServicesAndTheOldVersionIsCollected(PluginKit kit) {
        LoadedPlugin v1 = kit.load(KitPlugins.supplier("s.good", "one"));
        PluginSwap swap = kit.swap(v1, KitPlugins.supplier("s.good", "two").bnd("Bundle-Version: 2.0.0"));
        assertThat(swap).succeeded().oldServicesLeft().newServicesArrived().newServicesArrived(Supplier.class)
            .oldVersionCollectableWithin(Duration.ofSeconds(10));
        assertThat(v1).hasState(PluginState.UNLOADED);
        assertThat(swap.after()).isActive();
        assertEquals("2.0.0", swap.after().record().version());
        @SuppressWarnings("unchecked")
        Supplier<String> s = swap.after().service(Supplier.class);
        assertEquals("two", s.get());
    }

    @Test
    void succeededFailsShowingWhyTheSwapFailed(PluginKit kit) {
        LoadedPlugin v1 = kit.load(KitPlugins.supplier("s.broken", "one"));
        PluginSwap swap = kit.swap(v1, KitPlugins.broken("s.broken"));
        assertThat(swap).failedKeepingTheOldVersion();
        String message = failure(() -> assertThat(swap).succeeded());
        assertTrue(message.startsWith("expected the swap of plugin s.broken to succeed, but it failed:\n  "), message);
        assertTrue(message.contains("Broken.java:5:9: error: Nope cannot be resolved to a type"), message);
        assertTrue(message.endsWith("the old version (bundle " + v1.bundleId() + ") keeps running"), message);
    }

    @Test
    void oldServicesLeftFailsNamingTheServicesThatStayed(PluginKit kit) {
        LoadedPlugin v1 = kit.load(KitPlugins.supplier("s.stayed", "one"));
        PluginSwap swap = kit.swap(v1, KitPlugins.broken("s.stayed"));
        String message = failure(() -> assertThat(swap).oldServicesLeft());
        assertTrue(message.matches("expected the services of the old version of plugin s\\.stayed \\(bundle " + v1.bundleId()
            + "\\) to have left, but \\[java\\.util\\.function\\.Supplier \\(service\\.id=\\d+\\)\\] is still registered"), message);
    }

    @Test
    void newServicesArrivedFailsNamingWhatTheNewVersionProvides(PluginKit kit) {
        LoadedPlugin v1 = kit.load(KitPlugins.supplier("s.other", "one"));
        PluginSwap swap = kit.swap(v1, KitPlugins.runnable("s.other"));
        assertThat(swap).succeeded().oldServicesLeft();
        String message = failure(() -> assertThat(swap).newServicesArrived());
        assertTrue(message.matches("expected the new version of plugin s\\.other \\(bundle " + swap.after().bundleId()
            + "\\) to provide \\[java\\.util\\.function\\.Supplier\\], but it provides \\[java\\.lang\\.Runnable \\(service\\.id=\\d+\\)\\]"),
            message);
    }

    @Test
    void failedKeepingTheOldVersionFailsWhenTheSwapSucceeded(PluginKit kit) {
        LoadedPlugin v1 = kit.load(KitPlugins.supplier("s.replaced", "one"));
        PluginSwap swap = kit.swap(v1, KitPlugins.supplier("s.replaced", "two"));
        assertEquals("expected the swap of plugin s.replaced to fail, but bundle " + swap.after().bundleId() + " replaced bundle "
            + v1.bundleId(), failure(() -> assertThat(swap).failedKeepingTheOldVersion()));
    }

    @Test
    void oldVersionCollectableWithinFailsWhileAThreadPinsTheOldVersion(PluginKit kit) {
        LoadedPlugin v1 = kit.load(KitPlugins.leaky("s.leaky"));
        PluginSwap swap = kit.swap(v1, KitPlugins.activator("s.leaky"));
        try {
            String message = failure(() -> assertThat(swap).succeeded().oldVersionCollectableWithin(Duration.ofMillis(100)));
            assertTrue(message.startsWith("expected the retired version of plugin s.leaky (bundle " + v1.bundleId() + ", graft:s.leaky/"),
                message);
        } finally {
            System.setProperty("graft.test.s.leaky.release", "true");
        }
        assertThat(swap).oldVersionCollectableWithin(Duration.ofSeconds(10));
    }
}
