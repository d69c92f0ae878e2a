package com.example.tax.api;

/** The tax of a region. */
public interface Tax {

    /** @return the region */
    String region();

    /** @return the tax on an amount in cents */
    long taxOf(long cents);
}
