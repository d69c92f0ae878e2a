package dev.graft.test.it.kit;

import static dev.graft.test.GraftAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.graft.test.LoadedPlugin;
import dev.graft.test.PluginKit;
import dev.graft.test.PluginSources;
import dev.graft.test.SourcePluginExtension;

/** A whole site loads in one call in the host's order; a compile builds the plugins of its site it needs first. */
@ExtendWith(SourcePluginExtension.class)
class SiteIT {

    @Test
    void aSiteLoadsInDependencyOrderInOneCall(PluginKit kit) {
        List<LoadedPlugin> plugins = kit.loadSite(Shop.SITE);
        List<String> names = plugins.stream().map(LoadedPlugin::name).toList();
        assertEquals(Set.of("shop-api", "shop-tax", "shop-checkout"), Set.copyOf(names));
        assertEquals(3, names.size());
        assertTrue(names.indexOf("shop-api") < names.indexOf("shop-tax") && names.indexOf("shop-api") < names.indexOf("shop-checkout"),
            "the API before its users: " + names);
        plugins.forEach(p -> assertThat(p).isActive());
        assertThat(Shop.named(plugins, "shop-tax")).hasActiveComponent(Shop.TAX_COMPONENT);
        assertThat(Shop.named(plugins, "shop-checkout")).hasActiveComponent("dev.example.shop.checkout.Checkout");
    }

    @Test
    void aCompileOfAFolderBuildsThePluginsOfItsSiteItNeedsFirst(PluginKit kit) throws Exception {
        assertThat(kit.compile(Shop.CHECKOUT)).hasNoErrors();
        assertThat(kit.compile(Shop.TAX)).hasNoErrors();
        assertThat(kit.compile(PluginSources.from(kit.resolve(Shop.CHECKOUT)))).hasError().containing("dev.example.shop.api");
    }

    @Test
    void aCompileLeavesNothingInstalled(PluginKit kit) {
        kit.compile(Shop.CHECKOUT);
        assertEquals(List.of(), java.util.Arrays.stream(kit.context().getBundles()).map(b -> b.getSymbolicName())
            .filter(n -> n != null && n.startsWith("shop-")).toList());
    }
}
