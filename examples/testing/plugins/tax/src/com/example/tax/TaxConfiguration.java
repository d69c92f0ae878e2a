package com.example.tax;

import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the tax is computed (PID com.example.tax). */
@ObjectClassDefinition(name = "Tax")
public @interface TaxConfiguration {

    String region() default "none";

    int percent() default 10;
}
