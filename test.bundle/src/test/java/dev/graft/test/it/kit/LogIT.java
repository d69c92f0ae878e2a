package dev.graft.test.it.kit;

import static dev.graft.test.GraftAssertions.assertThat;
import static dev.graft.test.it.kit.BuildAssertIT.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.graft.test.LoadedPlugin;
import dev.graft.test.PluginKit;
import dev.graft.test.SourcePluginExtension;
import dev.graft.test.it.kit.Shop.TaxView;

/** What a plugin logs through the OSGi Log Service is kept per plugin for the test's assertions. */
@ExtendWith(SourcePluginExtension.class)
class LogIT {

    @Test
    void aPluginsLogLinesAreItsOwnAndInOrder(PluginKit kit) {
        List<LoadedPlugin> shop = kit.loadSite(Shop.SITE);
        LoadedPlugin tax = Shop.named(shop, "shop-tax");
        assertEquals("us", tax.serviceAs(TaxView.class, Shop.TAX_TYPE).region(), "a call activates the delayed component");
        assertEquals("INFO tax for us at 7%", tax.awaitLog("tax for us", Duration.ofSeconds(10)));
        tax.configure(Shop.TAX_PID, Map.of("region", "eu"));
        assertEquals("eu", tax.serviceAs(TaxView.class, Shop.TAX_TYPE).region());
        tax.awaitLog("tax for eu", Duration.ofSeconds(10));
        assertThat(tax).loggedContaining("tax for us at 7%").loggedContaining("tax for eu at 7%");
        assertEquals(List.of("INFO tax for us at 7%", "INFO tax for eu at 7%"), tax.log());
        assertEquals(List.of(), Shop.named(shop, "shop-api").log(), "the lines of one plugin are not another's");
    }

    @Test
    void theAssertionAndTheWaitSayWhatWasLogged(PluginKit kit) {
        LoadedPlugin tax = Shop.named(kit.loadSite(Shop.SITE), "shop-tax");
        tax.serviceAs(TaxView.class, Shop.TAX_TYPE).region();
        tax.awaitLog("tax for us", Duration.ofSeconds(10));
        assertEquals("expected plugin shop-tax to have logged a line containing \"boom\", but it logged:\n  INFO tax for us at 7%",
            failure(() -> assertThat(tax).loggedContaining("boom")));
        String message = failure(() -> tax.awaitLog("boom", Duration.ofMillis(100)));
        assertTrue(message.equals("plugin shop-tax (bundle " + tax.bundleId() + ") logged no line containing \"boom\" within 100 ms; "
            + "it logged:\n  INFO tax for us at 7%"), message);
    }
}
