package dev.graft.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.eclipse.jdt.internal.compiler.ClassFile;
import org.eclipse.jdt.internal.compiler.Compiler;
import org.eclipse.jdt.internal.compiler.DefaultErrorHandlingPolicies;
import org.eclipse.jdt.internal.compiler.batch.CompilationUnit;
import org.eclipse.jdt.internal.compiler.env.ICompilationUnit;
import org.eclipse.jdt.internal.compiler.impl.CompilerOptions;
import org.eclipse.jdt.internal.compiler.problem.DefaultProblemFactory;

/**
 * The floor's compiler: ECJ's {@code Compiler} called directly on in-memory sources, against an
 * in-memory name environment, with the options Graft uses by default (Java 17, debug info,
 * annotation processing off).
 */
public final class RawEcj implements ReferencePipeline {

    private final MemoryNameEnvironment environment;
    private final Map<String, String> settings;

    /** @param classpath the jars the sources compile against besides the JDK */
    public RawEcj(List<Path> classpath) {
        environment = new MemoryNameEnvironment(classpath);
        settings = new HashMap<>();
        for (String key : List.of(CompilerOptions.OPTION_Source, CompilerOptions.OPTION_Compliance,
            CompilerOptions.OPTION_TargetPlatform)) {
            settings.put(key, "17");
        }
        for (String key : List.of(CompilerOptions.OPTION_LineNumberAttribute, CompilerOptions.OPTION_SourceFileAttribute,
            CompilerOptions.OPTION_LocalVariableAttribute)) {
            settings.put(key, CompilerOptions.GENERATE);
        }
        settings.put(CompilerOptions.OPTION_Encoding, "UTF-8");
        settings.put(CompilerOptions.OPTION_Process_Annotations, CompilerOptions.DISABLED);
    }

    @Override
    public String name() {
        return "raw ECJ + bnd";
    }

    @Override
    public SortedMap<String, byte[]> compile(GeneratedPlugin plugin) {
        return compile(plugin.sources(), Set.of(plugin.javaPackage()));
    }

    /**
     * Compiles the sources of many plugins in one pass: one compiler, every unit, one lookup
     * environment.
     *
     * @param sources each plugin's sources by relative path, by plugin name
     * @param packageOf the Java package of each plugin's classes, by plugin name
     * @return each plugin's class files by entry path, by plugin name
     */
    public Map<String, SortedMap<String, byte[]>> compileAll(Map<String, Map<String, String>> sources, Map<String, String> packageOf) {
        Map<String, String> all = new TreeMap<>();
        sources.forEach((plugin, files) -> files.forEach((path, text) -> all.put(plugin + "/" + path, text)));
        SortedMap<String, byte[]> classes = compile(all, new HashSet<>(packageOf.values()));
        Map<String, String> pluginOfPackage = new HashMap<>();
        packageOf.forEach((plugin, pkg) -> pluginOfPackage.put(pkg.replace('.', '/'), plugin));
        Map<String, SortedMap<String, byte[]>> byPlugin = new TreeMap<>();
        classes.forEach((path, bytes) -> byPlugin.computeIfAbsent(pluginOfPackage.get(path.substring(0, path.lastIndexOf('/'))),
            p -> new TreeMap<>()).put(path, bytes));
        return byPlugin;
    }

    private SortedMap<String, byte[]> compile(Map<String, String> sources, Set<String> ownPackages) {
        ICompilationUnit[] units = new ICompilationUnit[sources.size()];
        int i = 0;
        for (Map.Entry<String, String> e : sources.entrySet()) {
            units[i++] = new CompilationUnit(e.getValue().toCharArray(), e.getKey(), "UTF-8");
        }
        environment.sourcePackages(new HashSet<>(ownPackages));
        SortedMap<String, byte[]> classes = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        Compiler compiler = new Compiler(environment, DefaultErrorHandlingPolicies.proceedWithAllProblems(),
            new CompilerOptions(settings), result -> {
                if (result.hasErrors()) {
                    for (var p : result.getErrors()) {
                        errors.add(new String(result.getFileName()) + ":" + p.getSourceLineNumber() + ": " + p.getMessage());
                    }
                }
                for (ClassFile cf : result.getClassFiles()) {
                    classes.put(new String(cf.fileName()) + ".class", cf.getBytes());
                }
            }, new DefaultProblemFactory(Locale.ENGLISH));
        compiler.compile(units);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("ECJ: " + errors.get(0));
        }
        return classes;
    }
}
