package dev.example.shop.api;

/** The tax of a region. */
public interface Tax {

    /** @return the region this tax is for */
    String region();

    /** @return the tax on an amount in cents */
    long taxOf(long cents);

    /** Runs {@code started}, then answers once the tax is deactivated, by throwing. */
    String slow(Runnable started);

    /** @return a receipt line for an amount */
    Line line(long cents);

    /** A receipt line. */
    interface Line {
        String text();
    }
}
