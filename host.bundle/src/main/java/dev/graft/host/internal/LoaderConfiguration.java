package dev.graft.host.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the loader (PID {@code dev.graft.host.loader}). */
@ObjectClassDefinition(name = "Graft loader", description = "How source plugins are loaded")
@interface LoaderConfiguration {

    @AttributeDefinition(description = "How long to wait for a plugin's components to become active, in milliseconds; "
        + "a swap whose new components are not active by then is rolled back")
    long componentDeadlineMillis() default 10_000;

    @AttributeDefinition(description = "How many independent plugins are built at once (0: one per processor)")
    int parallelBuilds() default 0;
}
