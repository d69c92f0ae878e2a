package com.example.bonjour;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the French greeter greets. */
@ObjectClassDefinition(name = "Bonjour greeter")
public @interface BonjourConfiguration {

    @AttributeDefinition(description = "The word a greeting starts with")
    String salutation() default "Bonjour";
}
