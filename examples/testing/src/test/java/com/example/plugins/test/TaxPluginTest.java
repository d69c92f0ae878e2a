package com.example.plugins.test;

import static dev.graft.test.GraftAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.graft.test.ConfigurePlugin;
import dev.graft.test.InjectPluginService;
import dev.graft.test.InjectSourcePlugin;
import dev.graft.test.LoadedPlugin;
import dev.graft.test.PluginKit;
import dev.graft.test.PluginSources;
import dev.graft.test.PluginSwap;
import dev.graft.test.ServiceGoneException;
import dev.graft.test.SourcePluginExtension;

/**
 * A tax whose API only the source plugin tax-api exports: the test calls it through its own
 * interface, configures it, and swaps in a new version.
 */
@ExtendWith(SourcePluginExtension.class)
class TaxPluginTest {

    /** The test's view of com.example.tax.api.Tax: the same method names and parameters. */
    interface Tax {
        String region();

        long taxOf(long cents);
    }

    /** Fields load in the order they are declared: the API before the plugin that implements it. */
    @InjectSourcePlugin("plugins/tax-api")
    LoadedPlugin api;

    @InjectSourcePlugin("plugins/tax")
    LoadedPlugin tax;

    /** Injected after the plugins load and the configurations apply; each call goes to the best matching service. */
    @InjectPluginService("com.example.tax.api.Tax")
    Tax service;

    @Test
    void theTaxRunsWithItsOwnConfigurationFile() {
        assertThat(tax).isActive().hasActiveComponent("com.example.tax.RegionTax").providesService("com.example.tax.api.Tax");
        assertEquals("eu", service.region());
        assertEquals(200, service.taxOf(1000));
    }

    @Test
    @ConfigurePlugin(plugin = "tax", pid = "com.example.tax", properties = "percent:Integer=5")
    void aTestConfiguresTheTaxOverItsOwnFile() {
        assertEquals(50, service.taxOf(1000));
        assertEquals("eu", service.region(), "the keys the test does not set keep the plugin's values");
    }

    @Test
    void aRoundingTaxIsSwappedInAndTheServiceFollowsIt(PluginKit kit) throws Exception {
        Tax oldVersion = tax.serviceAs(Tax.class, "com.example.tax.api.Tax");
        assertEquals(1, service.taxOf(9));
        PluginSources rounding = PluginSources.from(kit.resolve("plugins/tax"))
            .edit("src/com/example/tax/RegionTax.java", text -> text.replace("cents * percent / 100", "(cents * percent + 50) / 100"));
        PluginSwap swap = kit.swap(tax, rounding);
        assertThat(swap).succeeded().oldServicesLeft().newServicesArrived(List.of("com.example.tax.api.Tax"));

        assertEquals(2, service.taxOf(9), "the injected service now calls the new version");
        LoadedPlugin newTax = swap.newVersion().orElseThrow();
        assertThat(newTax).isActive();
        assertEquals(2, newTax.serviceAs(Tax.class, "com.example.tax.api.Tax").taxOf(9));
        assertThrows(ServiceGoneException.class, () -> oldVersion.taxOf(9), "a service of the old version is gone");
    }
}
