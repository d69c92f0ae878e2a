package dev.graft.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Configures a component of a loaded plugin for a test class or a test method, through
 * {@link PluginKit#configure}: the values are laid over the plugin's own configuration of the PID,
 * bound to the plugin bundle's location, and the test starts once the component has them. The
 * plugin's own values come back (or the configuration is deleted) when the scope ends.
 *
 * <p>On a method, it applies after the fields of the test are injected. On the class, it applies
 * once for the class when the plugin is loaded by a static field, else before each test after the
 * instance fields are injected. The plugin must be loaded by then (by an {@link InjectSourcePlugin}
 * field); the extension fails the test otherwise.
 *
 * <pre>
 * &#64;ConfigurePlugin(plugin = "tax", pid = "dev.example.tax.Tax", properties = {"region=eu", "rate:Double=0.2"})
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(ConfigurePlugins.class)
public @interface ConfigurePlugin {

    /** @return the plugin's name (its bundle's symbolic name, by default its folder's name) */
    String plugin();

    /** @return the configuration PID of the component (by default the component's name) */
    String pid();

    /**
     * @return the values, each {@code key=value} or {@code key:Type=value}, Type one of String,
     *         Integer, Long, Double, Float, Boolean, or String[] (values split at commas)
     */
    String[] properties() default {};

    /** @return how long to wait for the component to have the values, in milliseconds */
    long timeoutMillis() default 10_000;
}
