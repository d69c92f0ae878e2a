package dev.graft.test.it.kit;

import static dev.graft.test.GraftAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.graft.test.InjectPluginService;
import dev.graft.test.InjectSourcePlugin;
import dev.graft.test.LoadedPlugin;
import dev.graft.test.PluginKit;
import dev.graft.test.PluginSources;
import dev.graft.test.ServiceGoneException;
import dev.graft.test.SourcePluginExtension;
import dev.graft.test.it.kit.Shop.TaxView;

/** A service whose API only a source plugin exports is called through the test's own interface, by name. */
@ExtendWith(SourcePluginExtension.class)
class PluginServiceIT {

    @InjectSourcePlugin(Shop.API)
    LoadedPlugin api;

    @InjectSourcePlugin(Shop.TAX)
    LoadedPlugin tax;

    @InjectPluginService(value = Shop.TAX_TYPE, filter = "(region=us)")
    TaxView usTax;

    @InjectPluginService(Shop.TAX_TYPE)
    List<TaxView> allTaxes;

    /** A method the service does not have. */
    interface WrongView {
        String nope(String text);
    }

    @Test
    void theServiceIsCalledThroughTheTestsInterfaceThoughTheTestCannotSeeItsType() {
        assertThrows(ClassNotFoundException.class, () -> getClass().getClassLoader().loadClass(Shop.TAX_TYPE),
            "the premise: the test bundle cannot load the API");
        assertEquals("us", usTax.region());
        assertEquals(70, usTax.taxOf(1000));
        assertEquals("us: 70", usTax.line(1000).text(), "a returned object of a type the test cannot see is called by name too");
        assertEquals(1, allTaxes.size());
        assertEquals(70, allTaxes.get(0).taxOf(1000));
    }

    @Test
    void aMethodTheServiceLacksFailsNamingWhatItHas(PluginKit kit) {
        WrongView wrong = kit.serviceAs(WrongView.class, Shop.TAX_TYPE, "", Duration.ofSeconds(10));
        assertEquals("the service object dev.example.shop.tax.RegionTax has no public method nope taking [java.lang.String]; "
            + "it has no method of that name", assertThrows(IllegalArgumentException.class, () -> wrong.nope("x")).getMessage());
    }

    @Test
    void noMatchingServiceWithinTheTimeoutSaysWhatIsThere(PluginKit kit) {
        String message = assertThrows(AssertionError.class,
            () -> kit.serviceAs(TaxView.class, Shop.TAX_TYPE, "(region=eu)", Duration.ofMillis(200))).getMessage();
        assertTrue(message.startsWith("no service dev.example.shop.api.Tax with (region=eu) after 200 ms; present:\n  service.id="), message);
    }

    @Test
    void afterASwapTheInjectedProxyCallsTheNewVersionAndABoundOneSaysItsServiceIsGone(PluginKit kit) throws Exception {
        TaxView bound = allTaxes.get(0);
        PluginSources plusOne = PluginSources.from(kit.resolve(Shop.TAX))
            .edit("src/dev/example/shop/tax/RegionTax.java", text -> text.replace("return cents * percent / 100;", "return cents * percent / 100 + 1;"));
        assertThat(kit.swap(tax, plusOne)).succeeded();

        assertEquals(71, usTax.taxOf(1000), "the proxy follows the best matching service: the new version's");
        ServiceGoneException gone = assertThrows(ServiceGoneException.class, () -> bound.taxOf(1000));
        assertTrue(gone.getMessage().startsWith("the service service.id="), gone.getMessage());
        assertTrue(gone.getMessage().endsWith(" was unregistered before the call taxOf(long) (its plugin was swapped or unloaded)"),
            gone.getMessage());
    }

    @Test
    void aServiceThatGoesAwayDuringACallThrowsServiceGone(PluginKit kit) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<String> call = executor.submit(() -> usTax.slow(started::countDown));
            assertTrue(started.await(30, TimeUnit.SECONDS), "the call reached the service");
            kit.loader().unload("shop-tax");
            ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(30, TimeUnit.SECONDS));
            ServiceGoneException gone = assertInstanceOf(ServiceGoneException.class, e.getCause());
            assertTrue(gone.getMessage().contains(" went away during the call slow(Runnable) (its plugin was swapped or unloaded) and "
                + "the call threw java.lang.IllegalStateException: the tax of us was deactivated during the call; call again to reach "
                + "its replacement"), gone.getMessage());
            assertEquals("the tax of us was deactivated during the call", gone.getCause().getMessage());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aPluginsOwnServiceIsReachedThroughItsLoadedPlugin() {
        assertEquals("us", tax.serviceAs(TaxView.class, Shop.TAX_TYPE).region());
        assertEquals("plugin shop-api (bundle " + api.bundleId() + ") registers no dev.example.shop.api.Tax service; it registers []",
            assertThrows(AssertionError.class, () -> api.serviceAs(TaxView.class, Shop.TAX_TYPE)).getMessage());
    }
}
