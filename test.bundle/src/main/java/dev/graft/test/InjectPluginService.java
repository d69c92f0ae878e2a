package dev.graft.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a plugin's service into a field or parameter, also when its type is exported only by a
 * source plugin and the test cannot see it: the field's type is an interface of the test's with
 * the service's method names and parameters, and the kit injects a proxy that calls the service
 * by name (see {@link PluginKit#serviceAs}). A field of type {@code List<View>} gets one proxy per
 * matching service, each bound to that service.
 *
 * <p>Fields are injected after the {@link InjectSourcePlugin} fields are loaded and the
 * {@link ConfigurePlugin} configurations applied.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface InjectPluginService {

    /** @return the service's type name, like {@code dev.example.Tax}; empty for the name of the field's type */
    String value() default "";

    /** @return an LDAP filter on the service's properties, like {@code (region=eu)}; empty for none */
    String filter() default "";

    /** @return how many matching services to wait for before the test starts; 0 waits for none */
    int cardinality() default 1;

    /** @return how long to wait for them, and how long a call of the proxy waits for a service, in milliseconds */
    long timeoutMillis() default 10_000;
}
