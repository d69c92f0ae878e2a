package dev.graft.test.it.swap;

import dev.graft.test.PluginSources;

/**
 * Versions of one small DS plugin for the swap tests: a good one answering a value, and one
 * broken at each stage a swap goes through. Every version has the same name, so each is written
 * into a folder of its own under a different parent.
 */
final class SwapPlugins {

    /** The stages at which a new version can fail, each with the text its failure is reported by. */
    enum Stage {
        COMPILE("error: "),
        RESOLVE("cannot resolve"),
        ACTIVATOR("its activator threw"),
        COMPONENT("failed to activate"),
        DEADLINE("deadline passed");

        final String reported;

        Stage(String reported) {
            this.reported = reported;
        }
    }

    private SwapPlugins() {
    }

    private static String pkg(String name) {
        return "t." + name.replace('-', '_');
    }

    /** A delayed DS component providing {@code Supplier<String>} with {@code plugin=NAME}, answering {@code value}. */
    static PluginSources serving(String name, String value) {
        return PluginSources.named(name).file(path(name, "Value"), value(name, value, "", ""));
    }

    /** {@link #serving} whose package {@code t.NAME.api} is exported, so other plugins can be wired to it. */
    static PluginSources servingAndExporting(String name, String value) {
        String api = pkg(name) + ".api";
        return serving(name, value)
            .bnd("Export-Package: " + api)
            .file("src/" + api.replace('.', '/') + "/Named.java", "package " + api + ";\n\npublic interface Named {\n    String NAME = \""
                + value + "\";\n}\n");
    }

    /** A plugin whose activator reads the constant of {@link #servingAndExporting}'s API, so it is wired to that plugin. */
    static PluginSources user(String name, String providerName) {
        String api = pkg(providerName) + ".api";
        return PluginSources.named(name).file(path(name, "Uses"), """
            package %s;

            import org.osgi.framework.BundleActivator;
            import org.osgi.framework.BundleContext;

            public class Uses implements BundleActivator {
                public void start(BundleContext context) {
                    System.setProperty("graft.test.%s.saw", %s.Named.class.getName());
                }
                public void stop(BundleContext context) {
                }
            }
            """.formatted(pkg(name), name, api));
    }

    /** A version of {@link #serving} broken at the given stage. */
    static PluginSources broken(String name, Stage stage) {
        PluginSources p = PluginSources.named(name);
        return switch (stage) {
            case COMPILE -> p.file(path(name, "Value"), value(name, "never", "", "").replace("return \"never\";", "return never;"));
            case RESOLVE -> p.bnd("Import-Package: graft.nowhere.to.be.found, *").file(path(name, "Value"), value(name, "never", "", ""));
            case ACTIVATOR -> p.file(path(name, "Value"), value(name, "never", "", ""))
                .bnd("Bundle-Activator: " + pkg(name) + ".Boom")
                .file(path(name, "Boom"), """
                    package %s;

                    import org.osgi.framework.BundleActivator;
                    import org.osgi.framework.BundleContext;

                    public class Boom implements BundleActivator {
                        public void start(BundleContext context) {
                            throw new IllegalStateException("boom in start");
                        }
                        public void stop(BundleContext context) {
                        }
                    }
                    """.formatted(pkg(name)));
            case COMPONENT -> p.file(path(name, "Value"), value(name, "never", """
                @org.osgi.service.component.annotations.Activate
                void activate() {
                    throw new IllegalStateException("cannot activate");
                }
                """, ""));
            case DEADLINE -> p.file(path(name, "Value"), value(name, "never", "", """
                @org.osgi.service.component.annotations.Reference(target = "(plugin=nobody)")
                Supplier<String> nobodyRegistersThis;
                """));
        };
    }

    /**
     * A plugin whose activator starts a thread that it never stops (until the system property
     * {@code graft.test.NAME.stop} is set): its retired versions stay pinned.
     */
    static PluginSources leaky(String name, String value) {
        return serving(name, value).file(path(name, "Leak"), """
            package %s;

            import org.osgi.framework.BundleActivator;
            import org.osgi.framework.BundleContext;

            public class Leak implements BundleActivator {
                public void start(BundleContext context) {
                    Thread t = new Thread(() -> {
                        while (!Boolean.getBoolean("graft.test.%s.stop")) {
                            try {
                                Thread.sleep(5);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }, "leaky %s");
                    t.setDaemon(true);
                    t.start();
                }
                public void stop(BundleContext context) {
                }
            }
            """.formatted(pkg(name), name, value)).bnd("Bundle-Activator: " + pkg(name) + ".Leak");
    }

    private static String path(String name, String className) {
        return "src/" + pkg(name).replace('.', '/') + "/" + className + ".java";
    }

    private static String value(String name, String value, String activate, String fields) {
        return """
            package %s;

            import java.util.function.Supplier;
            import org.osgi.service.component.annotations.Component;

            @Component(property = "plugin=%s")
            public class Value implements Supplier<String> {
            %s%s
                public String get() {
                    return "%s";
                }
            }
            """.formatted(pkg(name), name, fields.indent(4), activate.indent(4), value);
    }
}
