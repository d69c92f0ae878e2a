package dev.graft.test.it.kit;

import java.util.List;

import dev.graft.test.LoadedPlugin;

/** The site test.bundle/src/test/sites/shop: an API in a source plugin, a configured tax, a checkout. */
final class Shop {

    /** The site, relative to the kit's base (the root of the Graft checkout). */
    static final String SITE = "test.bundle/src/test/sites/shop";
    static final String API = SITE + "/shop-api";
    static final String TAX = SITE + "/shop-tax";
    static final String CHECKOUT = SITE + "/shop-checkout";

    /** The service type, exported only by the source plugin shop-api: the tests cannot see it. */
    static final String TAX_TYPE = "dev.example.shop.api.Tax";
    static final String TAX_PID = "dev.example.shop.tax";
    static final String TAX_COMPONENT = "dev.example.shop.tax.RegionTax";

    /** The test's own view of {@code dev.example.shop.api.Tax}: the same method names and parameters. */
    interface TaxView {
        String region();

        long taxOf(long cents);

        String slow(Runnable started);

        LineView line(long cents);
    }

    /** The test's view of {@code Tax.Line}, which {@link TaxView#line} returns. */
    interface LineView {
        String text();
    }

    private Shop() {
    }

    static LoadedPlugin named(List<LoadedPlugin> plugins, String name) {
        return plugins.stream().filter(p -> p.name().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError("no plugin " + name + " among " + plugins));
    }
}
