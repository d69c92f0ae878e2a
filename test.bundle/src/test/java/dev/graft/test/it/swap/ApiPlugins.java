package dev.graft.test.it.swap;

import dev.graft.test.PluginSources;

/**
 * Small plugins for the tests of dependants: an API plugin exporting {@code t.NAME.Speaker} at a
 * version, speakers implementing it (each a DS component that also provides
 * {@code Supplier<String>} with {@code plugin=NAME}), and a chain of three plugins.
 */
public final class ApiPlugins {

    private ApiPlugins() {
    }

    /** The API: {@code t.NAME.Speaker} with {@code speak()} and, unless left out, a default {@code shout()}. */
    public static PluginSources api(String name, String version, boolean withShout) {
        String pkg = "t." + name.replace('-', '_');
        return PluginSources.named(name)
            .file("src/" + pkg.replace('.', '/') + "/package-info.java", exported(pkg, version))
            .file("src/" + pkg.replace('.', '/') + "/Speaker.java", """
                package %s;

                public interface Speaker {
                    String speak();
                %s}
                """.formatted(pkg, withShout ? "    default String shout() {\n        return speak().toUpperCase();\n    }\n" : ""));
    }

    /** A speaker of the API that says {@code word}; its {@code Supplier} answers {@code shout()} when {@code shouts}, else {@code speak()}. */
    public static PluginSources speaker(String name, String api, String word, boolean shouts) {
        String pkg = "t." + name.replace('-', '_');
        String apiPkg = "t." + api.replace('-', '_');
        return PluginSources.named(name).file("src/" + pkg.replace('.', '/') + "/Voice.java", """
            package %s;

            import java.util.function.Supplier;
            import org.osgi.service.component.annotations.Component;

            @Component(property = "plugin=%s", service = {Supplier.class, %s.Speaker.class})
            public class Voice implements %s.Speaker, Supplier<String> {
                public String speak() {
                    return "%s";
                }

                public String get() {
                    return %s;
                }
            }
            """.formatted(pkg, name, apiPkg, apiPkg, word, shouts ? "shout()" : "speak()"));
    }

    /** The middle of a chain: exports {@code t.NAME.Loud}, a {@code Speaker} of {@code api} that shouts. */
    public static PluginSources middle(String name, String api) {
        String pkg = "t." + name.replace('-', '_');
        String apiPkg = "t." + api.replace('-', '_');
        return PluginSources.named(name)
            .file("src/" + pkg.replace('.', '/') + "/package-info.java", exported(pkg, "1.0.0"))
            .file("src/" + pkg.replace('.', '/') + "/Loud.java", """
                package %s;

                public interface Loud extends %s.Speaker {
                    default String loudly() {
                        return speak() + "!";
                    }
                }
                """.formatted(pkg, apiPkg));
    }

    /** The end of a chain: a component implementing the middle's {@code Loud}; its {@code Supplier} answers {@code loudly()}. */
    public static PluginSources end(String name, String middle, String word) {
        String pkg = "t." + name.replace('-', '_');
        String midPkg = "t." + middle.replace('-', '_');
        return PluginSources.named(name).file("src/" + pkg.replace('.', '/') + "/Shouter.java", """
            package %s;

            import java.util.function.Supplier;
            import org.osgi.service.component.annotations.Component;

            @Component(property = "plugin=%s", service = Supplier.class)
            public class Shouter implements %s.Loud, Supplier<String> {
                public String speak() {
                    return "%s";
                }

                public String get() {
                    return loudly();
                }
            }
            """.formatted(pkg, name, midPkg, word));
    }

    private static String exported(String pkg, String version) {
        return "@org.osgi.annotation.bundle.Export\n@org.osgi.annotation.versioning.Version(\"" + version + "\")\npackage " + pkg + ";\n";
    }
}
