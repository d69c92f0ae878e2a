package dev.graft.test.it.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import dev.graft.test.ConfigurePlugin;
import dev.graft.test.InjectPluginService;
import dev.graft.test.InjectSourcePlugin;
import dev.graft.test.LoadedPlugin;
import dev.graft.test.PluginKit;
import dev.graft.test.PluginSources;
import dev.graft.test.SourcePluginExtension;
import dev.graft.test.it.kit.Shop.TaxView;

/** When a kit closes, no bundle, configuration or service of its plugins is left. */
@ExtendWith(SourcePluginExtension.class)
class IsolationIT {

    @InjectSourcePlugin(Shop.API)
    LoadedPlugin api;

    @InjectSourcePlugin(Shop.TAX)
    LoadedPlugin tax;

    @InjectPluginService(Shop.TAX_TYPE)
    TaxView taxView;

    @Test
    @ConfigurePlugin(plugin = "shop-tax", pid = Shop.TAX_PID, properties = "region=eu")
    void aTestWithPluginsAConfigurationAndAService() {
        assertEquals("eu", taxView.region());
    }

    @Test
    void aKitOpenedByHandLeavesNothingWhenItCloses() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(IsolationIT.class).getBundleContext();
        PluginKit kit = PluginKit.open(context);
        List<Long> ids;
        try {
            List<LoadedPlugin> plugins = kit.loadSite(Shop.SITE);
            LoadedPlugin t = Shop.named(plugins, "shop-tax");
            kit.configure(Shop.named(plugins, "shop-checkout"), "dev.example.shop.checkout.Checkout", Map.of("note", "test"),
                Duration.ofSeconds(10));
            t.configure(Shop.TAX_PID, Map.of("region", "eu"));
            kit.load(PluginSources.named("i.broken").file("src/i/Broken.java", "package i; class Broken { Nope n; }"));
            kit.load(KitPlugins.broken("shop-tax"));
            assertEquals("eu", kit.serviceAs(TaxView.class, Shop.TAX_TYPE, "", Duration.ofSeconds(10)).region());
            ids = plugins.stream().map(LoadedPlugin::bundleId).toList();
        } finally {
            kit.close();
        }
        assertNothingLeft(context, ids);
    }

    /** Runs after every test's kit closed: the plugins of the fields and the annotated configuration are gone. */
    @AfterAll
    static void nothingOfTheTestsIsLeft() throws Exception {
        assertNothingLeft(FrameworkUtil.getBundle(IsolationIT.class).getBundleContext(), List.of());
    }

    private static void assertNothingLeft(BundleContext context, List<Long> ids) throws Exception {
        assertEquals(List.of(), Arrays.stream(context.getBundles()).map(b -> b.getSymbolicName() + " " + b.getLocation())
            .filter(n -> n.startsWith("shop-") || n.startsWith("i.broken")).toList(), "bundles left");
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> admin = new ServiceTracker<>(context, ConfigurationAdmin.class, null);
        admin.open();
        try {
            Configuration[] left = admin.waitForService(10_000).listConfigurations(
                "(|(service.pid=dev.example.shop.*)(service.bundleLocation=graft:shop-*))");
            assertNull(left, () -> "configurations left: " + Arrays.stream(left).map(Configuration::getPid).toList());
        } finally {
            admin.close();
        }
        if (!ids.isEmpty()) {
            StringJoiner any = new StringJoiner("", "(|", ")");
            ids.forEach(id -> any.add("(service.bundleid=" + id + ")"));
            ServiceReference<?>[] services = context.getAllServiceReferences(null, any.toString());
            assertNull(services, () -> "services left: " + Arrays.toString(services));
        }
    }
}
