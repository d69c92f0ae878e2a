package dev.graft.test.it.kit;

import dev.graft.test.PluginSources;

/** Small source plugins the kit's own tests load. */
final class KitPlugins {

    private KitPlugins() {
    }

    /** A DS component providing {@code Supplier<String>} with {@code plugin=NAME}, answering {@code value}. */
    static PluginSources supplier(String name, String value) {
        return PluginSources.named(name)
            .bnd("Bundle-Version: 1.0.0")
            .file("src/k/" + pkg(name) + "/Value.java", """
                package k.%s;

                import java.util.function.Supplier;
                import org.osgi.service.component.annotations.Component;

                @Component(property = "plugin=%s")
                public class Value implements Supplier<String> {
                    public String get() {
                        return "%s";
                    }
                }
                """.formatted(pkg(name), name, value));
    }

    /** A DS component providing {@code Runnable} only. */
    static PluginSources runnable(String name) {
        return PluginSources.named(name)
            .file("src/k/" + pkg(name) + "/Task.java", """
                package k.%s;

                import org.osgi.service.component.annotations.Component;

                @Component
                public class Task implements Runnable {
                    public void run() {
                    }
                }
                """.formatted(pkg(name)));
    }

    /** A plugin whose one class does not compile: line 5, column 9 is an unknown type. */
    static PluginSources broken(String name) {
        return PluginSources.named(name)
            .file("src/k/" + pkg(name) + "/Broken.java", """
                package k.%s;

                public class Broken {
                    void f() {
                        Nope nope = null;
                    }
                }
                """.formatted(pkg(name)));
    }

    /** An activator, no component, no service. */
    static PluginSources activator(String name) {
        return activator(name, "Act", "");
    }

    /**
     * An activator that starts a thread it never stops, until the system property
     * {@code graft.test.NAME.release} is set: the thread pins the plugin's class loader.
     */
    static PluginSources leaky(String name) {
        return activator(name, "Leak", """
            Thread t = new Thread(() -> {
                while (System.getProperty("graft.test.%s.release") == null) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "leak-%s");
            t.setDaemon(true);
            t.start();
            """.formatted(name, name));
    }

    private static PluginSources activator(String name, String className, String startBody) {
        return PluginSources.named(name)
            .file("src/k/" + pkg(name) + "/" + className + ".java", """
                package k.%s;

                import org.osgi.framework.BundleActivator;
                import org.osgi.framework.BundleContext;

                public class %s implements BundleActivator {
                    public void start(BundleContext context) {
                %s    }
                    public void stop(BundleContext context) {
                    }
                }
                """.formatted(pkg(name), className, startBody));
    }

    private static String pkg(String name) {
        return name.replace('-', '_').replace('.', '_');
    }
}
