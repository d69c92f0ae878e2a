package dev.graft.test.it.kit;

import static dev.graft.test.GraftAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

import dev.graft.test.ComponentWatch;
import dev.graft.test.LoadedPlugin;
import dev.graft.test.PluginKit;
import dev.graft.test.SourcePluginExtension;

/** The kit waits for services and reactivations on framework events, and says at the deadline what was missing. */
@ExtendWith(SourcePluginExtension.class)
class WaitIT {

    @Test
    void awaitingAServiceByNameReturnsOnceAPluginRegistersIt(PluginKit kit) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<ServiceReference<?>> waiting = executor.submit(() -> kit.awaitServiceReference(Shop.TAX_TYPE, "(region=us)",
                Duration.ofSeconds(60)));
            assertFalse(waiting.isDone(), "no tax is registered yet, so the wait cannot have ended");
            kit.loadSite(Shop.SITE);
            ServiceReference<?> ref = waiting.get(60, TimeUnit.SECONDS);
            assertEquals("shop-tax", ref.getBundle().getSymbolicName());
            assertEquals("us", ref.getProperty("region"));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void awaitingAServiceByTypeWithAFilterReturnsTheServiceTyped(PluginKit kit) {
        kit.loadSite(Shop.SITE);
        LongUnaryOperator checkout = kit.awaitService(LongUnaryOperator.class, "(shop=checkout)", Duration.ofSeconds(10));
        assertEquals(1070, checkout.applyAsLong(1000), "1000 cents with the 7% of the tax's config file");
    }

    @Test
    void theDeadlineSaysWhichServiceWasMissingAndWhatIsRegistered(PluginKit kit) {
        List<LoadedPlugin> plugins = kit.loadSite(Shop.SITE);
        long taxBundle = Shop.named(plugins, "shop-tax").bundleId();
        String message = assertThrows(AssertionError.class,
            () -> kit.awaitServiceReference(Shop.TAX_TYPE, "(region=eu)", Duration.ofMillis(300))).getMessage();
        assertTrue(message.startsWith("no service dev.example.shop.api.Tax with (region=eu) after 300 ms; present:\n  service.id="), message);
        assertTrue(message.contains(" of shop-tax (bundle " + taxBundle + ") {"), message);
        assertTrue(message.contains("percent=7, region=us"), message);
    }

    @Test
    void theDeadlineOfATypeNobodyRegistersSaysSo(PluginKit kit) {
        assertEquals("no service dev.example.Nothing after 100 ms; present: none under that type",
            assertThrows(AssertionError.class, () -> kit.awaitServiceReference("dev.example.Nothing", "", Duration.ofMillis(100)))
                .getMessage());
    }

    @Test
    void aFilterThatIsNotLdapFailsAtOnceWithItsText(PluginKit kit) {
        String message = assertThrows(IllegalArgumentException.class,
            () -> kit.awaitServiceReference(Shop.TAX_TYPE, "(region=eu", Duration.ofSeconds(10))).getMessage();
        assertTrue(message.startsWith("the filter (region=eu is not an LDAP filter: "), message);
    }

    @Test
    void aConfigurationChangeReactivatesTheComponentWithANewService(PluginKit kit) {
        LoadedPlugin tax = Shop.named(kit.loadSite(Shop.SITE), "shop-tax");
        ComponentWatch watch = tax.watchComponent(Shop.TAX_COMPONENT);
        assertEquals(1, watch.serviceIdsBefore().size());
        long before = watch.serviceIdsBefore().iterator().next();

        tax.configure(Shop.TAX_PID, Map.of("region", "eu"));
        List<ServiceReference<?>> now = watch.awaitReactivation(Duration.ofSeconds(10));

        assertNotEquals(before, now.get(0).getProperty(Constants.SERVICE_ID));
        assertEquals("eu", now.get(0).getProperty("region"));
        assertThat(tax).isActive();
    }

    @Test
    void aReactivationThatDoesNotComeFailsNamingTheServicesBeforeAndNow(PluginKit kit) {
        LoadedPlugin tax = Shop.named(kit.loadSite(Shop.SITE), "shop-tax");
        ComponentWatch watch = tax.watchComponent(Shop.TAX_COMPONENT);
        long id = watch.serviceIdsBefore().iterator().next();
        String message = assertThrows(AssertionError.class, () -> watch.awaitReactivation(Duration.ofMillis(200))).getMessage();
        assertTrue(message.startsWith("component dev.example.shop.tax.RegionTax of plugin shop-tax was not reactivated within 200 ms: "
            + "it registered services [" + id + "] before and registers now:\n  service.id=" + id + " of shop-tax"), message);
    }

    @Test
    void aComponentWithoutServicesCannotBeWatchedAndTheMessageSaysSo(PluginKit kit) {
        LoadedPlugin p = kit.load(KitPlugins.activator("w.noservice"));
        String message = assertThrows(AssertionError.class,
            () -> p.watchComponent("k.None").awaitReactivation(Duration.ofMillis(100))).getMessage();
        assertEquals("component k.None of plugin w.noservice was not reactivated within 100 ms: it registered no service before and "
            + "registers none now (a component without services cannot be watched for reactivation)", message);
    }
}
