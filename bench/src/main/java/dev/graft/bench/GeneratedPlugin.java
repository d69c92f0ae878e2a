package dev.graft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A generated source plugin of a given number of classes: one DS component that provides
 * {@link Runnable} with the property {@code bench.plugin=<name>}, and helper classes that the
 * component calls in a chain. Each class has a few methods with collections, lambdas and string
 * work, so that the compilers see ordinary code, not empty shells.
 *
 * @param name the plugin's name (also its Bundle-SymbolicName)
 * @param classes the number of classes, at least 1
 * @param edit a number baked into the sources; two edits give two different sources
 */
public record GeneratedPlugin(String name, int classes, int edit) {

    /** The service property by which a running plugin can be found. */
    public static final String PROPERTY = "bench.plugin";

    public GeneratedPlugin {
        if (classes < 1) {
            throw new IllegalArgumentException("a plugin has at least one class");
        }
    }

    /** @return the same plugin with another edit number */
    public GeneratedPlugin edited(int newEdit) {
        return new GeneratedPlugin(name, classes, newEdit);
    }

    /** @return the Java package of the plugin's classes */
    public String javaPackage() {
        return "bench." + name.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(java.util.Locale.ROOT);
    }

    /** @return the sources by relative path ({@code src/bench/x/C0.java}) */
    public Map<String, String> sources() {
        Map<String, String> files = new TreeMap<>();
        String dir = "src/" + javaPackage().replace('.', '/') + "/";
        files.put(dir + "C0.java", component());
        for (int i = 1; i < classes; i++) {
            files.put(dir + "C" + i + ".java", helper(i));
        }
        return files;
    }

    /** @return the sources as bytes, for {@code SourcePlugin.of} */
    public Map<String, byte[]> files() {
        Map<String, byte[]> bytes = new TreeMap<>();
        sources().forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return bytes;
    }

    /**
     * Writes the plugin folder {@code site/name}, replacing the sources of an earlier edit.
     *
     * @param site the site folder
     * @return the plugin folder
     */
    public Path writeTo(Path site) {
        Path folder = site.resolve(name);
        try {
            for (Map.Entry<String, String> e : sources().entrySet()) {
                Path file = folder.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    private String component() {
        String next = classes > 1 ? "new C1().work(name)" : "name.length()";
        return """
            package %1$s;

            import java.util.ArrayList;
            import java.util.List;

            import org.osgi.framework.BundleContext;
            import org.osgi.service.component.annotations.Activate;
            import org.osgi.service.component.annotations.Component;
            import org.osgi.service.component.annotations.Deactivate;

            /** The plugin's component, edit %2$d. */
            @Component(service = Runnable.class, property = "%3$s=%4$s")
            public class C0 implements Runnable {

                private final List<String> log = new ArrayList<>();
                private String name;

                @Activate
                void activate(BundleContext context) {
                    name = context.getBundle().getSymbolicName();
                    log.add("activated " + name + " edit %2$d");
                }

                @Deactivate
                void deactivate() {
                    log.clear();
                }

                @Override
                public void run() {
                    int result = %5$s;
                    log.add(name + " ran: " + result);
                }
            }
            """.formatted(javaPackage(), edit, PROPERTY, name, next);
    }

    private String helper(int i) {
        String next = i + 1 < classes ? "new C" + (i + 1) + "().work(input + " + i + ")" : "input.hashCode()";
        return """
            package %1$s;

            import java.util.HashMap;
            import java.util.List;
            import java.util.Map;
            import java.util.function.Function;
            import java.util.stream.Collectors;

            /** Helper %2$d of the chain, edit %3$d. */
            public class C%2$d {

                private final Map<String, Integer> counts = new HashMap<>();

                public int work(String input) {
                    List<String> words = List.of(input.split("[.-]"));
                    Map<Integer, List<String>> byLength = words.stream().collect(Collectors.groupingBy(String::length));
                    for (String w : words) {
                        counts.merge(w, 1, Integer::sum);
                    }
                    Function<String, String> shout = s -> s.toUpperCase() + "!";
                    StringBuilder out = new StringBuilder();
                    for (Map.Entry<Integer, List<String>> e : byLength.entrySet()) {
                        out.append(e.getKey()).append('=').append(e.getValue().stream().map(shout).collect(Collectors.joining(",")));
                    }
                    return out.length() + counts.size() + %3$d + %4$s;
                }

                static String describe(Object o) {
                    if (o instanceof CharSequence cs && cs.length() > 3) {
                        return "text " + cs;
                    }
                    return switch (String.valueOf(o).length()) {
                        case 0 -> "empty";
                        case 1, 2, 3 -> "short";
                        default -> "other";
                    };
                }
            }
            """.formatted(javaPackage(), i, edit, next);
    }
}
