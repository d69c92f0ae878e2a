package dev.graft.host.internal.load;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the loader (PID {@code dev.graft.host.loader}). */
@ObjectClassDefinition(name = "Graft loader", description = "How source plugins are loaded")
@interface LoaderConfiguration {

    @AttributeDefinition(description = "How long to wait for a plugin's components that wait for a service another plugin of "
        + "the load provides, in milliseconds; a swap whose new components still wait by then is rolled back")
    long componentDeadlineMillis() default 10_000;

    @AttributeDefinition(description = "How long a bundle start, or a component activation the host asks for, may take, in "
        + "milliseconds; one that takes longer is reported stuck and its bundle abandoned, and loading goes on")
    long startDeadlineMillis() default 5_000;

    @AttributeDefinition(description = "How many independent plugins are built at once (0: one per processor)")
    int parallelBuilds() default 0;
}
