package dev.graft.test.it.kit;

import static dev.graft.test.GraftAssertions.assertThat;
import static dev.graft.test.it.kit.BuildAssertIT.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.graft.host.PluginState;
import dev.graft.test.LoadedPlugin;
import dev.graft.test.PluginKit;
import dev.graft.test.PluginSources;
import dev.graft.test.SourcePluginExtension;

/** The assertions on loaded plugins pass when they should, and fail with a message that says what there is. */
@ExtendWith(SourcePluginExtension.class)
class LoadedPluginAssertIT {

    @Test
    void anActivePluginWithItsComponentAndService(PluginKit kit) {
        LoadedPlugin p = kit.load(KitPlugins.supplier("l.active", "hi"));
        assertThat(p).isActive().hasAllComponentsActive().hasActiveComponent("k.l_active.Value").providesService(Supplier.class);
        @SuppressWarnings("unchecked")
        Supplier<String> s = p.service(Supplier.class);
        assertEquals("hi", s.get());
    }

    @Test
    void isActiveFailsShowingWhyThePluginFailed(PluginKit kit) {
        LoadedPlugin p = kit.load(KitPlugins.broken("l.broken"));
        assertThat(p).hasState(PluginState.FAILED).hasProblemContaining("Broken.java:5:9: error: Nope cannot be resolved to a type");
        String message = failure(() -> assertThat(p).isActive());
        assertTrue(message.startsWith("expected plugin l.broken to be ACTIVE, but it is FAILED:\n  "), message);
        assertTrue(message.contains("/l.broken/src/k/l_broken/Broken.java:5:9: error: Nope cannot be resolved to a type"), message);
    }

    @Test
    void aBrokenCopyOfALoadedPluginLeavesItLoadedAndTheKitCleansItUp(PluginKit kit) {
        LoadedPlugin first = kit.load(KitPlugins.supplier("l.kept", "first"));
        LoadedPlugin copy = kit.load(KitPlugins.broken("l.kept"));
        assertThat(copy).hasState(PluginState.FAILED).hasProblemContaining("Broken.java:5:9: error: Nope cannot be resolved to a type");
        assertThat(first).isActive();
        @SuppressWarnings("unchecked")
        Supplier<String> s = first.service(Supplier.class);
        assertEquals("first", s.get(), "the loaded version keeps serving");

        kit.close();

        assertEquals(List.of(), java.util.Arrays.stream(kit.context().getBundles()).filter(b -> "l.kept".equals(b.getSymbolicName()))
            .map(b -> b.getLocation()).toList(), "no bundle of the plugin is left after the kit's clean-up");
    }

    @Test
    void hasProblemContainingFailsOnAPluginWithoutProblems(PluginKit kit) {
        LoadedPlugin p = kit.load(KitPlugins.activator("l.fine"));
        assertEquals("expected plugin l.fine to have a problem containing \"boom\", but it has none",
            failure(() -> assertThat(p).hasProblemContaining("boom")));
    }

    @Test
    void hasAllComponentsActiveFailsOnAPluginWithoutComponents(PluginKit kit) {
        LoadedPlugin p = kit.load(KitPlugins.activator("l.nocomponent"));
        assertEquals("expected every component of plugin l.nocomponent to be active, but it has none",
            failure(() -> assertThat(p).hasAllComponentsActive()));
    }

    @Test
    void hasActiveComponentFailsListingTheComponents(PluginKit kit) {
        LoadedPlugin p = kit.load(KitPlugins.supplier("l.components", "x"));
        assertEquals("expected plugin l.components to have active component k.Other, but its components are:\n"
            + "  k.l_components.Value: satisfied", failure(() -> assertThat(p).hasActiveComponent("k.Other")));
    }

    @Test
    void providesServiceFailsListingTheServicesThePluginProvides(PluginKit kit) {
        LoadedPlugin p = kit.load(KitPlugins.supplier("l.services", "x"));
        assertEquals("expected plugin l.services (bundle " + p.bundleId() + ") to provide a java.lang.Runnable service, "
            + "but it provides [java.util.function.Supplier]", failure(() -> assertThat(p).providesService(Runnable.class)));
    }

    @Test
    void aComponentThatFailsToActivateShowsInTheMessage(PluginKit kit) {
        LoadedPlugin p = kit.load(PluginSources.named("l.failing").file("src/k/f/Fails.java", """
            package k.f;

            import org.osgi.service.component.annotations.Activate;
            import org.osgi.service.component.annotations.Component;

            @Component(immediate = true, service = Fails.class)
            public class Fails {
                @Activate
                void activate() {
                    throw new IllegalStateException("cannot activate");
                }
            }
            """));
        assertEquals("expected every component of plugin l.failing to be active, but its components are:\n"
            + "  k.f.Fails: failed activation (java.lang.IllegalStateException: cannot activate)",
            failure(() -> assertThat(p).hasAllComponentsActive()));
        assertThat(p).hasProblemContaining("component k.f.Fails failed to activate");
    }

    @Test
    void isCollectableWithinFailsWhileThePluginIsInstalled(PluginKit kit) {
        LoadedPlugin p = kit.load(KitPlugins.activator("l.installed"));
        assertEquals("expected plugin l.installed (bundle " + p.bundleId() + ") to be collectable, but it is still installed: "
            + "unload or swap it first", failure(() -> assertThat(p).isCollectableWithin(Duration.ofMillis(10))));
    }

    @Test
    void isCollectableWithinFailsWhileAThreadPinsTheRetiredVersionAndPassesOnceItStops(PluginKit kit) {
        LoadedPlugin p = kit.load(KitPlugins.leaky("l.leaky"));
        assertThat(p).isActive();
        kit.loader().unload("l.leaky");
        try {
            String message = failure(() -> assertThat(p).isCollectableWithin(Duration.ofMillis(200)));
            assertTrue(message.matches("expected the retired version of plugin l\\.leaky \\(bundle " + p.bundleId()
                + ", graft:l\\.leaky/[0-9a-f]{12}/\\d+\\) to be collected within 200 ms, but its class loader is still reachable "
                + "\\d+ ms after it was retired: something holds one of its classes or objects \\(a thread it started, a listener, "
                + "a static field elsewhere\\)"), message);
        } finally {
            System.setProperty("graft.test.l.leaky.release", "true");
        }
        assertThat(p).isCollectableWithin(Duration.ofSeconds(10));
    }

    @Test
    void anUnloadedPluginIsCollectable(PluginKit kit) {
        LoadedPlugin p = kit.load(KitPlugins.supplier("l.unloaded", "x"));
        kit.loader().unload("l.unloaded");
        assertThat(p).hasState(PluginState.UNLOADED).isCollectableWithin(Duration.ofSeconds(10));
    }
}
