package dev.graft.compiler.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.OSGiHeader;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Constants;
import dev.graft.compiler.Diagnostic;

/**
 * Keeps the paths a plugin's bnd files name inside the plugin folder: a path is relative to the
 * folder, never absolute, never leaves it with {@code ..}, and names one of the folder's files
 * (which are plain files: the reader refuses links).
 */
final class ContainedPaths {

    private ContainedPaths() {
    }

    /**
     * @param path a path as written in a bnd file
     * @param files the plugin's files by relative path
     * @return the path relative to the plugin folder, normalised, or null when it is absolute or leaves the folder
     */
    static String resolve(String path, Map<String, byte[]> files) {
        String p = path.trim();
        if (p.isEmpty() || p.startsWith("/") || p.startsWith("\\") || p.startsWith("~") || p.matches("^[A-Za-z]:.*")
            || p.contains("://")) {
            return null;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : p.split("[/\\\\]+")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    /**
     * @param instruction the instruction that names the path
     * @param path the path as written
     * @return the message for a path outside the folder
     */
    static String outside(String instruction, String path) {
        return instruction + " names " + path + ", outside the plugin folder: paths in a plugin's bnd files are relative to"
            + " the plugin folder and stay inside it (no absolute path, no '..' above it, no ./)";
    }

    /**
     * @param rel a path relative to the plugin folder
     * @param files the plugin's files
     * @return whether it is a file or a folder of the plugin
     */
    static boolean exists(String rel, Map<String, byte[]> files) {
        return rel.isEmpty() || files.containsKey(rel) || files.keySet().stream().anyMatch(f -> f.startsWith(rel + "/"));
    }

    /** @return whether the instructions copy files into the bundle ({@code -includeresource}, {@code Include-Resource}) */
    static boolean includesResources(Properties evaluated) {
        return evaluated.stringPropertyNames().stream().anyMatch(ContainedPaths::isIncludeResource);
    }

    private static boolean isIncludeResource(String key) {
        return key.equals(Constants.INCLUDERESOURCE) || key.startsWith(Constants.INCLUDERESOURCE + ".")
            || key.equals(Constants.INCLUDE_RESOURCE);
    }

    /**
     * Checks every source of {@code -includeresource} (its merged forms too) and {@code Include-Resource}.
     *
     * @param evaluated the evaluated instructions
     * @param declaration the file that declares an instruction
     * @param files the plugin's files
     * @return an error for each source that leaves the folder or is not in it
     */
    static List<Diagnostic> check(Properties evaluated, Function<String, PluginBnd> declaration, Map<String, byte[]> files) {
        List<Diagnostic> errors = new ArrayList<>();
        for (String key : evaluated.stringPropertyNames().stream().sorted().toList()) {
            if (!isIncludeResource(key)) {
                continue;
            }
            Parameters clauses = OSGiHeader.parseHeader(evaluated.getProperty(key));
            for (Map.Entry<String, Attrs> clause : clauses.entrySet()) {
                if (clause.getValue().containsKey("literal")) {
                    continue;
                }
                String source = source(clause.getKey());
                boolean optional = clause.getKey().startsWith("-");
                String rel = resolve(source, files);
                PluginBnd file = declaration.apply(key);
                if (rel == null) {
                    errors.add(file.errorAt(key, source, outside(key, source)));
                } else if (!optional && !exists(rel, files)) {
                    errors.add(file.errorAt(key, source, key + " names " + source + ", which is not in the plugin folder"));
                }
            }
        }
        return errors;
    }

    /** The file a clause copies: after the optional '-', inside '{...}', after 'target=', without '@' and '!/...'. */
    private static String source(String clause) {
        String c = withoutDuplicateMarker(clause).trim();
        if (c.startsWith("-")) {
            c = c.substring(1);
        }
        if (c.startsWith("{") && c.endsWith("}")) {
            c = c.substring(1, c.length() - 1);
        }
        int eq = c.indexOf('=');
        if (eq >= 0) {
            c = c.substring(eq + 1);
        }
        if (c.startsWith("@")) {
            c = c.substring(1);
            int bang = c.indexOf("!/");
            if (bang >= 0) {
                c = c.substring(0, bang);
            }
        }
        return c.trim();
    }

    private static String withoutDuplicateMarker(String clause) {
        return clause.replaceAll("~+$", "");
    }
}
