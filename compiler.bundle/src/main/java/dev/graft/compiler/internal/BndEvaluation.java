package dev.graft.compiler.internal;

import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import aQute.bnd.header.OSGiHeader;
import aQute.bnd.osgi.Processor;

import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.SourceException;

/**
 * Evaluates a plugin's bnd files the way bnd would, restricted to what a plugin may use: files
 * included with {@code -include} come from the plugin folder only, every instruction is on
 * {@link BndAllowList#INSTRUCTIONS}, and every macro is a property of the plugin or on
 * {@link BndAllowList#MACROS}. The check is made where bnd looks a name up, so a name that escapes,
 * line continuations, nesting or another macro's output produce is checked like a written one.
 * bnd gets the evaluated instructions only, in which no macro is left.
 */
final class BndEvaluation {

    /** Where {@code ./} in a bnd value points: the plugin folder, whatever its place on the host. */
    static final File FOLDER = new File("/plugin-folder");

    private static final Pattern MACRO_LEFT = Pattern.compile("\\$[({\\[<\u00ab\u2039]");
    private static final int MAX_INCLUDE_DEPTH = 8;

    /**
     * The outcome.
     *
     * @param bnd the plugin's bnd.bnd with the evaluated instructions, empty when there is none
     * @param errors what was refused, with positions; the instructions must not be used unless empty
     */
    record Result(PluginBnd bnd, List<Diagnostic> errors) {
    }

    private final Map<String, byte[]> files;
    private final Map<String, PluginBnd> declaredIn = new LinkedHashMap<>();
    private final Properties raw = new Properties();
    private final List<Diagnostic> errors = new ArrayList<>();

    private BndEvaluation(Map<String, byte[]> files) {
        this.files = files;
    }

    /**
     * @param bnd the plugin's bnd.bnd as written
     * @param files the plugin's files by relative path
     * @return the evaluated instructions and what was refused
     */
    static Result evaluate(PluginBnd bnd, Map<String, byte[]> files) {
        if (!bnd.present()) {
            return new Result(bnd, List.of());
        }
        BndEvaluation e = new BndEvaluation(files);
        e.read(bnd, 0);
        e.checkInstructions();
        Properties evaluated = e.errors.isEmpty() ? e.expand() : new Properties();
        if (e.errors.isEmpty()) {
            e.errors.addAll(ContainedPaths.check(evaluated, e::declaration, files));
        }
        return new Result(bnd.withProperties(evaluated), List.copyOf(e.errors));
    }

    /** Reads one file: its properties, then the files it includes, which override them unless marked with '~'. */
    private void read(PluginBnd file, int depth) {
        file.properties().stringPropertyNames().forEach(key -> {
            raw.setProperty(key, file.properties().getProperty(key));
            declaredIn.put(key, file);
        });
        String include = file.properties().getProperty("-include");
        if (include == null) {
            return;
        }
        raw.remove("-include");
        String value = expandOne(file, "-include", include);
        for (String clause : OSGiHeader.parseHeader(value).keySet()) {
            String path = clause.replaceAll("~+$", "");
            boolean keepOwn = path.startsWith("~");
            boolean optional = path.startsWith("-");
            path = path.replaceFirst("^[~-]+", "").trim();
            String contained = ContainedPaths.resolve(path, files);
            if (contained == null) {
                errors.add(file.errorAt("-include", path, ContainedPaths.outside("-include", path)));
                continue;
            }
            if (!files.containsKey(contained)) {
                if (!optional) {
                    errors.add(file.errorAt("-include", path, "-include names " + path + ", which is not a file of the plugin folder"));
                }
                continue;
            }
            if (depth >= MAX_INCLUDE_DEPTH) {
                errors.add(file.errorAt("-include", path, "-include nests deeper than " + MAX_INCLUDE_DEPTH + " files"));
                continue;
            }
            PluginBnd included;
            try {
                included = PluginBnd.parse(contained, files.get(contained));
            } catch (SourceException ex) {
                errors.add(ex.diagnostic());
                continue;
            }
            Properties before = (Properties) raw.clone();
            Map<String, PluginBnd> beforeDeclared = new LinkedHashMap<>(declaredIn);
            read(included, depth + 1);
            if (keepOwn) {
                before.stringPropertyNames().forEach(k -> {
                    raw.setProperty(k, before.getProperty(k));
                    declaredIn.put(k, beforeDeclared.get(k));
                });
            }
        }
    }

    private void checkInstructions() {
        for (String key : raw.stringPropertyNames()) {
            if (key.startsWith("-") && !BndAllowList.instructionAllowed(key)) {
                errors.add(declaration(key).errorAt(key, key, "instruction " + key
                    + " is not allowed in a source plugin: a plugin's bnd files may shape its bundle only (allowed: "
                    + String.join(", ", BndAllowList.INSTRUCTIONS.stream().sorted().toList()) + ")"));
            }
        }
    }

    /** Expands every property, in the order they are declared. */
    private Properties expand() {
        Properties out = new Properties();
        List<String> keys = raw.stringPropertyNames().stream()
            .sorted(Comparator.comparing((String k) -> declaration(k).file()).thenComparingInt(k -> declaration(k).lineOf(k))
                .thenComparing(k -> k))
            .toList();
        for (String key : keys) {
            String value = expandOne(declaration(key), key, raw.getProperty(key));
            if (MACRO_LEFT.matcher(value).find()) {
                errors.add(declaration(key).errorAt(key, "$", key + " still holds a macro after evaluation (" + value.trim()
                    + "); bnd would evaluate it later, outside the allow-list"));
            }
            out.setProperty(key, value);
        }
        return out;
    }

    private String expandOne(PluginBnd file, String key, String value) {
        GatedProperties gated = new GatedProperties();
        raw.stringPropertyNames().forEach(k -> gated.put(k, raw.getProperty(k)));
        try (Processor p = new Processor(gated, false)) {
            p.setBase(FOLDER);
            String expanded = p.getReplacer().process(value);
            for (String name : gated.refused) {
                errors.add(file.errorAt(key, name, "macro ${" + name + "} is not allowed in a source plugin: it is neither a"
                    + " property of the plugin nor one of the text, list and version macros a plugin may use"));
            }
            for (String message : p.getErrors()) {
                errors.add(file.errorAt(key, "", "bnd: " + message));
            }
            return expanded;
        } catch (java.io.IOException e) {
            errors.add(file.errorAt(key, "", "bnd: " + e.getMessage()));
            return "";
        }
    }

    private PluginBnd declaration(String key) {
        return declaredIn.getOrDefault(key, PluginBnd.EMPTY);
    }

    /**
     * The plugin's properties, seen by bnd's macro processor and by every processor it derives for
     * a macro with arguments: a name that is not a property and not an allowed macro is refused
     * here, before bnd would run it as a command or read it from the system properties or the
     * environment. Names starting with '-' are bnd's own instructions, which no macro can run.
     */
    private static final class GatedProperties extends Properties {
        private static final long serialVersionUID = 1L;

        final List<String> refused = new ArrayList<>();

        @Override
        public String getProperty(String key) {
            String value = super.getProperty(key);
            if (value != null || key.startsWith("-") || BndAllowList.MACROS.contains(key)) {
                return value;
            }
            if (!refused.contains(key)) {
                refused.add(key);
            }
            return "";
        }
    }
}
