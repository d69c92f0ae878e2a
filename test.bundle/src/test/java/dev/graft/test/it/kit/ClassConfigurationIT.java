package dev.graft.test.it.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.graft.test.ConfigurePlugin;
import dev.graft.test.InjectPluginService;
import dev.graft.test.InjectSourcePlugin;
import dev.graft.test.LoadedPlugin;
import dev.graft.test.SourcePluginExtension;
import dev.graft.test.it.kit.Shop.TaxView;

/** A configuration on the class, of a plugin of a static field, applies once for every test of the class; a method's is laid over it. */
@ExtendWith(SourcePluginExtension.class)
@TestMethodOrder(OrderAnnotation.class)
@ConfigurePlugin(plugin = "shop-tax", pid = Shop.TAX_PID, properties = {"region=eu", "percent:Integer=20"})
class ClassConfigurationIT {

    @InjectSourcePlugin(Shop.API)
    static LoadedPlugin api;

    @InjectSourcePlugin(Shop.TAX)
    static LoadedPlugin tax;

    @InjectPluginService(Shop.TAX_TYPE)
    TaxView service;

    @Test
    @Order(1)
    void everyTestSeesTheClasssConfiguration() {
        assertEquals("eu", service.region());
        assertEquals(200, service.taxOf(1000));
    }

    @Test
    @Order(2)
    @ConfigurePlugin(plugin = "shop-tax", pid = Shop.TAX_PID, properties = "percent:Integer=5")
    void aMethodsConfigurationIsLaidOverTheClasss() {
        assertEquals("eu", service.region());
        assertEquals(50, service.taxOf(1000));
    }

    @Test
    @Order(3)
    void andTheMethodsIsGoneAfterIt() {
        assertEquals(200, service.taxOf(1000));
    }
}
