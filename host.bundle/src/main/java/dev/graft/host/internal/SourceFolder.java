package dev.graft.host.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the loader needs to know of a source plugin folder before building it: its name, the
 * packages it declares, exports and imports. Read from {@code bnd.bnd} and the Java sources
 * without compiling (findlib's {@code requires}, computed).
 *
 * @param name the plugin's name
 * @param folder the folder
 * @param ownPackages the packages its sources declare
 * @param exports the packages it exports
 * @param imports the packages its sources import, each with the first file that imports it
 */
record SourceFolder(String name, Path folder, Set<String> ownPackages, Set<String> exports, Map<String, String> imports) {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;");
    private static final Pattern EXPORT_ANNOTATION = Pattern.compile("@(org\\.osgi\\.annotation\\.bundle\\.)?Export\\b");

    /**
     * Whether a folder of a site is a source plugin: it has a {@code bnd.bnd}, a {@code src/}
     * folder or {@code .java} files. A folder with a {@code pom.xml} is a Maven project (tests of
     * plugins, for example), not a source plugin.
     */
    static boolean isPluginFolder(Path folder) {
        if (Files.exists(folder.resolve("pom.xml"))) {
            return false;
        }
        if (Files.isRegularFile(folder.resolve("bnd.bnd")) || Files.isDirectory(folder.resolve("src"))) {
            return true;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".java"));
        } catch (IOException e) {
            return false;
        }
    }

    static SourceFolder read(Path folder) throws IOException {
        Properties bnd = bndInstructions(folder);
        String name = bundleSymbolicName(bnd).orElse(folder.getFileName().toString());
        Set<String> own = new TreeSet<>();
        Set<String> exports = new TreeSet<>();
        Map<String, String> imports = new LinkedHashMap<>();
        for (Path file : javaFiles(folder)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String relative = folder.relativize(file).toString().replace('\\', '/');
            Matcher p = PACKAGE.matcher(text);
            String pkg = p.find() ? p.group(1) : "";
            own.add(pkg);
            if (file.getFileName().toString().equals("package-info.java") && EXPORT_ANNOTATION.matcher(text).find()) {
                exports.add(pkg);
            }
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                String imported = packageOf(m.group(2), m.group(1) != null, m.group(3) != null);
                if (!imported.isEmpty()) {
                    imports.putIfAbsent(imported, relative);
                }
            }
        }
        exports.addAll(declaredExports(bnd, own));
        own.forEach(imports::remove);
        return new SourceFolder(name, folder, own, exports, imports);
    }

    /** The package part of an imported name: the leading segments that do not start upper case. */
    static String packageOf(String name, boolean isStatic, boolean wildcard) {
        String[] segments = name.split("\\.");
        StringBuilder pkg = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            if (Character.isUpperCase(segments[i].charAt(0)) || (last && !wildcard && !isStatic)) {
                break;
            }
            if (last && isStatic) {
                break;
            }
            if (pkg.length() > 0) {
                pkg.append('.');
            }
            pkg.append(segments[i]);
        }
        return pkg.toString();
    }

    private static Set<String> declaredExports(Properties bnd, Set<String> own) {
        Set<String> exports = new TreeSet<>();
        String header = bnd.getProperty("Export-Package", "");
        for (String clause : header.split(",")) {
            String pattern = clause.split(";")[0].trim();
            if (pattern.isEmpty() || pattern.startsWith("!")) {
                continue;
            }
            if (pattern.endsWith(".*")) {
                String prefix = pattern.substring(0, pattern.length() - 2);
                own.stream().filter(p -> p.equals(prefix) || p.startsWith(prefix + ".")).forEach(exports::add);
            } else if (pattern.equals("*")) {
                exports.addAll(own);
            } else {
                exports.add(pattern);
            }
        }
        return exports;
    }

    private static Properties bndInstructions(Path folder) throws IOException {
        Properties bnd = new Properties();
        Path file = folder.resolve("bnd.bnd");
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                bnd.load(r);
            }
        }
        return bnd;
    }

    private static java.util.Optional<String> bundleSymbolicName(Properties bnd) {
        String bsn = bnd.getProperty("Bundle-SymbolicName");
        if (bsn == null || bsn.isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(bsn.split(";")[0].trim());
    }

    private static List<Path> javaFiles(Path folder) throws IOException {
        Path src = folder.resolve("src");
        Path root = Files.isDirectory(src) ? src : folder;
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".java") && Files.isRegularFile(f))
                .filter(f -> !IgnoredFiles.isIgnored(f.getFileName().toString()))
                .sorted()
                .toList();
        }
    }
}
