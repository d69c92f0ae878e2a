package dev.graft.host.internal.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.graft.compiler.JarCheck;
import dev.graft.compiler.SourceOutline;

/**
 * A prebuilt bundle jar as the plan sees it (a {@code .jar} in a site folder, or one given with
 * {@code --jar}): its symbolic name, the packages it exports and the packages it needs (its
 * Import-Package without the optional ones), read from its manifest. A jar that is cut short,
 * damaged, or not an OSGi bundle is refused with the reason.
 */
public final class BundleJar {

    private BundleJar() {
    }

    /**
     * @param file a file of a site, or a plugin's origin
     * @return whether it is a jar file, which the scan reads as a prebuilt bundle
     */
    public static boolean isJar(Path file) {
        return file.getFileName().toString().endsWith(".jar") && Files.isRegularFile(file);
    }

    /**
     * @param jar the jar file
     * @return what the plan needs of it, or why it cannot be a provider
     */
    static Result read(Path jar) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(jar);
        } catch (IOException e) {
            return Result.refused(jar + ": cannot read: " + e.getMessage());
        }
        Optional<String> broken = JarCheck.problem(bytes);
        if (broken.isPresent()) {
            return Result.refused(jar + ": " + broken.get());
        }
        java.util.jar.Attributes manifest = mainAttributes(bytes);
        String symbolicName = header(manifest, "Bundle-SymbolicName").split(";")[0].trim();
        if (symbolicName.isEmpty()) {
            return Result.refused(jar + ": not an OSGi bundle (its manifest has no Bundle-SymbolicName); a plain library"
                + " belongs in the lib/ folder of the plugin that uses it");
        }
        Set<String> exports = packages(header(manifest, "Export-Package"), false);
        Map<String, String> imports = new LinkedHashMap<>();
        for (String pkg : packages(header(manifest, "Import-Package"), true)) {
            if (!exports.contains(pkg)) {
                imports.put(pkg, jar.getFileName().toString());
            }
        }
        SourceOutline outline = new SourceOutline(exports, exports, imports, Map.of());
        return new Result(Optional.of(new SiteScanner.Read(symbolicName, jar, Optional.empty(), outline, Optional.empty(), true)),
            Optional.empty());
    }

    private static java.util.jar.Attributes mainAttributes(byte[] jar) {
        try (java.util.jar.JarInputStream in = new java.util.jar.JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            java.util.jar.Manifest m = in.getManifest();
            return m == null ? new java.util.jar.Attributes() : m.getMainAttributes();
        } catch (IOException e) {
            return new java.util.jar.Attributes();
        }
    }

    private static String header(java.util.jar.Attributes manifest, String name) {
        String value = manifest.getValue(name);
        return value == null ? "" : value;
    }

    /**
     * What reading a jar gave.
     *
     * @param read the jar as the plan sees it, empty when refused
     * @param problem why it was refused
     */
    record Result(Optional<SiteScanner.Read> read, Optional<String> problem) {

        static Result refused(String problem) {
            return new Result(Optional.empty(), Optional.of(problem));
        }
    }

    /**
     * The package names of a manifest header of package clauses ({@code a;b;version="[1,2)",c}).
     *
     * @param header the header's value
     * @param requiredOnly leave out clauses with {@code resolution:=optional}
     */
    static Set<String> packages(String header, boolean requiredOnly) {
        Set<String> packages = new TreeSet<>();
        for (String clause : split(header, ',')) {
            List<String> parts = split(clause, ';');
            List<String> names = new ArrayList<>();
            boolean optional = false;
            for (String part : parts) {
                String p = part.trim();
                if (p.replace(" ", "").equals("resolution:=optional")) {
                    optional = true;
                } else if (!p.contains("=") && !p.isEmpty()) {
                    names.add(p);
                }
            }
            if (!(requiredOnly && optional)) {
                packages.addAll(names);
            }
        }
        return packages;
    }

    /** Splits on a separator outside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }
}
