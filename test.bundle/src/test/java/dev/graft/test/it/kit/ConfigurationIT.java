package dev.graft.test.it.kit;

import static dev.graft.test.GraftAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import dev.graft.test.AppliedConfiguration;
import dev.graft.test.ConfigurePlugin;
import dev.graft.test.InjectSourcePlugin;
import dev.graft.test.LoadedPlugin;
import dev.graft.test.PluginKit;
import dev.graft.test.SourcePluginExtension;
import dev.graft.test.it.kit.Shop.TaxView;

/**
 * A test configures a plugin's component, bound to the plugin's location, laid over the plugin's
 * own config/PID.cfg; the kit waits until the component has it and puts the plugin's own back.
 */
@ExtendWith(SourcePluginExtension.class)
@TestMethodOrder(OrderAnnotation.class)
class ConfigurationIT {

    @InjectSourcePlugin(Shop.API)
    static LoadedPlugin api;

    @InjectSourcePlugin(Shop.TAX)
    static LoadedPlugin tax;

    @Test
    @Order(1)
    void thePluginStartsWithItsOwnConfigurationFile() throws Exception {
        assertTax("us", 70);
        assertEquals(tax.bundle().orElseThrow().getLocation(), configuration().getBundleLocation());
    }

    @Test
    @Order(2)
    @ConfigurePlugin(plugin = "shop-tax", pid = Shop.TAX_PID, properties = {"region=eu", "percent:Integer=20"})
    void anAnnotatedMethodRunsWithItsConfigurationBoundToThePlugin() throws Exception {
        assertTax("eu", 200);
        Configuration c = configuration();
        assertEquals(tax.bundle().orElseThrow().getLocation(), c.getBundleLocation(), "bound to the plugin, not to the test bundle");
        assertEquals(20, c.getProperties().get("percent"));
    }

    @Test
    @Order(3)
    void afterTheMethodThePluginsOwnValuesAreBack() throws Exception {
        assertTax("us", 70);
        assertEquals("7", String.valueOf(configuration().getProperties().get("percent")));
    }

    @Test
    @Order(4)
    void aTestsValuesAreLaidOverThePluginsKeyByKeyAndCloseRestoresThem(PluginKit kit) throws Exception {
        try (AppliedConfiguration c = kit.configure(tax, Shop.TAX_PID, Map.of("percent", 50), Duration.ofSeconds(10))) {
            assertTax("us", 500);
            assertEquals("us", c.properties().get("region"), "the plugin's own region stays");
            assertEquals(tax.bundle().orElseThrow().getLocation(), c.location());
        }
        assertTax("us", 70);
    }

    @Test
    @Order(5)
    void aPidNoComponentOfThePluginTakesFailsAtOnce(PluginKit kit) {
        String message = assertThrows(IllegalArgumentException.class,
            () -> kit.configure(tax, "dev.example.nothing", Map.of("a", "b"), Duration.ofSeconds(10))).getMessage();
        assertEquals("no component of shop-tax (bundle " + tax.bundleId() + ") takes the PID dev.example.nothing; its components: "
            + "[dev.example.shop.tax.RegionTax]", message);
    }

    @Test
    @Order(6)
    void aConfigurationTheComponentCannotBeSatisfiedWithFailsSayingWhatItHas(PluginKit kit) throws Exception {
        LoadedPlugin checkout = kit.load(Shop.CHECKOUT);
        assertThat(checkout).isActive();
        String pid = "dev.example.shop.checkout.Checkout";
        String message = assertThrows(AssertionError.class,
            () -> kit.configure(checkout, pid, Map.of("tax.target", "(region=mars)"), Duration.ofMillis(500))).getMessage();
        assertEquals("the component of plugin shop-checkout with configuration " + pid + " did not get {tax.target=(region=mars)} "
            + "within 500 ms; now: " + pid + ": waiting for a service with {shop=checkout, tax.target=(region=mars)}", message);
        kit.close();
        assertNull(admin().listConfigurations("(service.pid=" + pid + ")"), "the kit deleted the configuration the plugin did not have");
    }

    private static void assertTax(String region, long taxOfTenEuros) {
        TaxView view = tax.serviceAs(TaxView.class, Shop.TAX_TYPE);
        assertEquals(region, view.region());
        assertEquals(taxOfTenEuros, view.taxOf(1000));
    }

    private static Configuration configuration() throws Exception {
        Configuration[] found = admin().listConfigurations("(service.pid=" + Shop.TAX_PID + ")");
        assertTrue(found != null && found.length == 1, "one configuration " + Shop.TAX_PID);
        return found[0];
    }

    private static ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> admin;

    private static ConfigurationAdmin admin() throws InterruptedException {
        if (admin == null) {
            BundleContext context = FrameworkUtil.getBundle(ConfigurationIT.class).getBundleContext();
            admin = new ServiceTracker<>(context, ConfigurationAdmin.class, null);
            admin.open();
        }
        return admin.waitForService(10_000);
    }
}
