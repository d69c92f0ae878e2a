package dev.graft.test.it.ready;

import dev.graft.test.PluginSources;

/** Source plugins whose components wait for something, or whose start or activation does not return. */
final class ReadinessPlugins {

    private ReadinessPlugins() {
    }

    private static String pkg(String name) {
        return "t." + name.replace('-', '_');
    }

    private static String path(String name, String className) {
        return "src/" + pkg(name).replace('.', '/') + "/" + className + ".java";
    }

    /** A delayed component providing {@code Supplier<String>} with {@code plugin=NAME}, answering {@code value}. */
    static PluginSources supplier(String name, String value) {
        return supplier(name, value, "");
    }

    /** A delayed component providing {@code Supplier<String>} with {@code plugin=NAME}, whose {@code @Activate} runs {@code activate}. */
    static PluginSources supplier(String name, String value, String activate) {
        return PluginSources.named(name).file(path(name, "Value"), """
            package %s;

            import java.util.function.Supplier;
            import org.osgi.service.component.annotations.Activate;
            import org.osgi.service.component.annotations.Component;

            @Component(property = "plugin=%s")
            public class Value implements Supplier<String> {
                @Activate
                void activate() throws Exception {
                    %s
                }

                public String get() {
                    return "%s";
                }
            }
            """.formatted(pkg(name), name, activate, value));
    }

    /**
     * A component with {@code configurationPolicy = REQUIRE} and configuration PID {@code t.NAME},
     * providing {@code Supplier<String>} with {@code plugin=NAME}, answering its {@code greeting}
     * property prefixed by {@code prefix}.
     */
    static PluginSources configured(String name, String prefix) {
        return PluginSources.named(name).file(path(name, "Configured"), """
            package %1$s;

            import java.util.Map;
            import java.util.function.Supplier;
            import org.osgi.service.component.annotations.Activate;
            import org.osgi.service.component.annotations.Component;
            import org.osgi.service.component.annotations.ConfigurationPolicy;

            @Component(configurationPid = "%1$s", configurationPolicy = ConfigurationPolicy.REQUIRE, property = "plugin=%2$s")
            public class Configured implements Supplier<String> {
                private String greeting;

                @Activate
                void activate(Map<String, Object> properties) {
                    greeting = "%3$s" + properties.get("greeting");
                }

                public String get() {
                    return greeting;
                }
            }
            """.formatted(pkg(name), name, prefix));
    }

    /** An immediate component with a mandatory reference to {@code serviceInterface}, a JDK interface. */
    static PluginSources consumer(String name, String serviceInterface) {
        return PluginSources.named(name).file(path(name, "Consumer"), """
            package %s;

            import org.osgi.service.component.annotations.Component;
            import org.osgi.service.component.annotations.Reference;

            @Component(immediate = true, service = Consumer.class)
            public class Consumer {
                @Reference
                %s wanted;
            }
            """.formatted(pkg(name), serviceInterface));
    }

    /** A plugin exporting package {@code t.api.NAME} with an empty interface {@code Marker}. */
    static PluginSources api(String name) {
        String api = "t.api." + name.replace('-', '_');
        return PluginSources.named(name).bnd("Export-Package: " + api)
            .file("src/" + api.replace('.', '/') + "/Marker.java", "package " + api + ";\n\npublic interface Marker {\n}\n");
    }

    /**
     * A component providing {@code java.util.function.DoubleSupplier} that uses the {@link #api}
     * plugin {@code apiName}, so that it loads in a wave after it.
     */
    static PluginSources doubleSupplierUsing(String name, String apiName) {
        String api = "t.api." + apiName.replace('-', '_');
        return PluginSources.named(name).file(path(name, "Doubles"), """
            package %s;

            import java.util.function.DoubleSupplier;
            import org.osgi.service.component.annotations.Component;
            import %s.Marker;

            @Component
            public class Doubles implements DoubleSupplier, Marker {
                public double getAsDouble() {
                    return 2.5;
                }
            }
            """.formatted(pkg(name), api));
    }

    /** An activator whose start runs {@code body}. */
    static PluginSources activator(String name, String body) {
        return PluginSources.named(name).bnd("Bundle-Activator: " + pkg(name) + ".Starts").file(path(name, "Starts"), activatorSource(name, body));
    }

    /** The source of class {@code Starts}, an activator whose start runs {@code body}. */
    static String activatorSource(String name, String body) {
        return """
            package %s;

            import org.osgi.framework.BundleActivator;
            import org.osgi.framework.BundleContext;

            public class Starts implements BundleActivator {
                public void start(BundleContext context) throws Exception {
                    %s
                }
                public void stop(BundleContext context) {
                }
            }
            """.formatted(pkg(name), body);
    }

    /** An immediate component whose {@code @Activate} runs {@code body}. */
    static PluginSources activation(String name, String body) {
        return PluginSources.named(name).file(path(name, "Activates"), """
            package %s;

            import org.osgi.service.component.annotations.Activate;
            import org.osgi.service.component.annotations.Component;

            @Component(immediate = true, service = Activates.class)
            public class Activates {
                @Activate
                void activate() throws Exception {
                    %s
                }
            }
            """.formatted(pkg(name), body));
    }

    /**
     * Code that blocks, ignoring interrupts, until the system property {@code graft.test.release.NAME}
     * is set: a call stuck on a lock, which the test releases at its end.
     */
    static String blockUntilReleased(String name) {
        return """
            while (System.getProperty("graft.test.release.%s") == null) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ignored) {
                    // a stuck call does not answer interrupts either
                }
            }""".formatted(name);
    }

    /** Code that sleeps five minutes. */
    static final String SLEEP_FIVE_MINUTES = "Thread.sleep(300_000);";
}
