package dev.graft.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a source plugin folder, compiled and installed by {@link SourcePluginExtension}, into a
 * field or a parameter:
 * <ul>
 * <li>of type {@link LoadedPlugin}: the plugin loaded (whatever its state: assert on it);</li>
 * <li>of type {@link dev.graft.compiler.Build}: the plugin compiled only, nothing installed.</li>
 * </ul>
 * A static field is loaded before all tests of the class and unloaded after them; an instance
 * field or a parameter is loaded for one test and unloaded after it.
 *
 * <pre>
 * &#64;InjectSourcePlugin("plugins/hello")
 * LoadedPlugin hello;
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface InjectSourcePlugin {

    /**
     * @return the plugin folder, relative to the base directory (the framework or system
     *         property {@code graft.test.base}, else the working directory) or absolute
     */
    String value();
}
