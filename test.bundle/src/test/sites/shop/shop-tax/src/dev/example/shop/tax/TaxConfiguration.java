package dev.example.shop.tax;

import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the tax is computed. */
@ObjectClassDefinition(name = "Tax")
public @interface TaxConfiguration {

    String region() default "none";

    int percent() default 10;
}
