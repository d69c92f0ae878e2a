package dev.graft.test.it.host;

import dev.graft.test.PluginSources;

/** Small source plugins the host tests load. */
final class TestPlugins {

    private TestPlugins() {
    }

    /** A DS component providing {@code Supplier<String>} with {@code plugin=NAME}, answering {@code value}. */
    static PluginSources supplier(String name, String value) {
        String pkg = "t." + name.replace('-', '_');
        return PluginSources.named(name)
            .bnd("Bundle-Version: 1.0.0")
            .file("src/" + pkg.replace('.', '/') + "/Value.java", """
                package %s;

                import java.util.function.Supplier;
                import org.osgi.service.component.annotations.Component;

                @Component(property = "plugin=%s")
                public class Value implements Supplier<String> {
                    public String get() {
                        return "%s";
                    }
                }
                """.formatted(pkg, name, value));
    }

    /** An activator that counts its starts in the system property {@code graft.test.NAME.starts}. */
    static PluginSources countingActivator(String name) {
        return activator(name, "Counter", "String key = \"graft.test." + name + ".starts\";\n"
            + "System.setProperty(key, Integer.toString(Integer.getInteger(key, 0) + 1));");
    }

    /** An activator that throws in start. */
    static PluginSources throwingActivator(String name) {
        return activator(name, "Boom", "throw new IllegalStateException(\"boom in start\");");
    }

    private static PluginSources activator(String name, String className, String startBody) {
        String pkg = "t." + name.replace('-', '_');
        return PluginSources.named(name)
            .file("src/" + pkg.replace('.', '/') + "/" + className + ".java", """
                package %s;

                import org.osgi.framework.BundleActivator;
                import org.osgi.framework.BundleContext;

                public class %s implements BundleActivator {
                    public void start(BundleContext context) {
                        %s
                    }
                    public void stop(BundleContext context) {
                    }
                }
                """.formatted(pkg, className, startBody));
    }

    /** An immediate component whose activation throws. */
    static PluginSources failingComponent(String name) {
        String pkg = "t." + name.replace('-', '_');
        return PluginSources.named(name)
            .file("src/" + pkg.replace('.', '/') + "/Fails.java", """
                package %s;

                import org.osgi.service.component.annotations.Activate;
                import org.osgi.service.component.annotations.Component;

                @Component(immediate = true, service = Fails.class)
                public class Fails {
                    @Activate
                    void activate() {
                        throw new IllegalStateException("cannot activate");
                    }
                }
                """.formatted(pkg));
    }

    /** A plugin exporting package {@code t.api.NAME} with interface {@code Api}; broken when asked. */
    static PluginSources api(String name, boolean broken) {
        String pkg = "t.api." + name.replace('-', '_');
        return PluginSources.named(name)
            .bnd("Export-Package: " + pkg)
            .file("src/" + pkg.replace('.', '/') + "/Api.java", "package " + pkg + ";\n\npublic interface Api {\n    String value()" + (broken ? "\n}\n" : ";\n}\n"));
    }

    /** A plugin that implements the {@code Api} of {@link #api}. */
    static PluginSources apiUser(String name, String apiName) {
        String api = "t.api." + apiName.replace('-', '_');
        String pkg = "t." + name.replace('-', '_');
        return PluginSources.named(name)
            .file("src/" + pkg.replace('.', '/') + "/Impl.java", """
                package %s;

                import %s.Api;

                public class Impl implements Api {
                    public String value() {
                        return "impl";
                    }
                }
                """.formatted(pkg, api));
    }
}
