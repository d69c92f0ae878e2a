package dev.example.shop.checkout;

import java.util.function.LongUnaryOperator;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.example.shop.api.Tax;

/** The total of an amount with its tax. */
@Component(property = "shop=checkout")
public class Checkout implements LongUnaryOperator {

    private final Tax tax;

    @Activate
    public Checkout(@Reference(name = "tax") Tax tax) {
        this.tax = tax;
    }

    @Override
    public long applyAsLong(long cents) {
        return cents + tax.taxOf(cents);
    }
}
