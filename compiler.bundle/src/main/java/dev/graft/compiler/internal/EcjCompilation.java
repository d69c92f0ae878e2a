package dev.graft.compiler.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.core.compiler.CategorizedProblem;
import org.eclipse.jdt.core.compiler.CompilationProgress;
import org.eclipse.jdt.internal.compiler.ClassFile;
import org.eclipse.jdt.internal.compiler.CompilationResult;
import org.eclipse.jdt.internal.compiler.Compiler;
import org.eclipse.jdt.internal.compiler.DefaultErrorHandlingPolicies;
import org.eclipse.jdt.internal.compiler.ICompilerRequestor;
import org.eclipse.jdt.internal.compiler.batch.CompilationUnit;
import org.eclipse.jdt.internal.compiler.env.ICompilationUnit;
import org.eclipse.jdt.internal.compiler.impl.CompilerOptions;
import org.eclipse.jdt.internal.compiler.problem.DefaultProblemFactory;

import dev.graft.compiler.CompileOptions;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.Diagnostic.Severity;

/**
 * One run of ECJ over a plugin's decoded sources, in memory: class files and diagnostics out.
 * Runs on the calling thread; {@link ContainedRun} gives it a thread, a stack and a deadline.
 */
final class EcjCompilation {

    /**
     * What ECJ produced.
     *
     * @param classes class file bytes by entry path ({@code com/acme/Hello.class})
     * @param sourceOf the source file of each class, by binary class name ({@code com.acme.Hello})
     * @param diagnostics ECJ's problems as diagnostics
     * @param cancelled whether the compile stopped at the deadline
     */
    record Output(SortedMap<String, byte[]> classes, Map<String, String> sourceOf, List<Diagnostic> diagnostics, boolean cancelled) {
    }

    private EcjCompilation() {
    }

    static Output compile(List<SourceFile> sources, CompileOptions options, FrameworkNameEnvironment environment,
        java.util.function.Predicate<String> ownPackage, BooleanSupplier cancelled) {
        Map<String, SourceFile> byPath = new HashMap<>();
        ICompilationUnit[] units = new ICompilationUnit[sources.size()];
        for (int i = 0; i < units.length; i++) {
            SourceFile s = sources.get(i);
            byPath.put(s.path(), s);
            units[i] = new CompilationUnit(s.text(), s.path(), options.encoding().name());
        }
        ProblemConverter converter = new ProblemConverter(byPath, p -> environment.knows(p) || ownPackage.test(p));
        SortedMap<String, byte[]> classes = new TreeMap<>();
        Map<String, String> sourceOf = new HashMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        ICompilerRequestor requestor = result -> accept(result, converter, byPath, classes, sourceOf, diagnostics);
        boolean[] stopped = { false };
        CompilationProgress progress = new CompilationProgress() {
            @Override
            public void begin(int remainingWork) {
            }

            @Override
            public void done() {
            }

            @Override
            public boolean isCanceled() {
                if (cancelled.getAsBoolean()) {
                    stopped[0] = true;
                }
                return stopped[0];
            }

            @Override
            public void setTaskName(String name) {
            }

            @Override
            public void worked(int workIncrement, int remainingWork) {
            }
        };
        Compiler compiler = new Compiler(environment, DefaultErrorHandlingPolicies.proceedWithAllProblems(),
            new CompilerOptions(settings(options)), requestor, new DefaultProblemFactory(Locale.ENGLISH), null, progress);
        compiler.compile(units);
        return new Output(classes, sourceOf, diagnostics, stopped[0]);
    }

    private static void accept(CompilationResult result, ProblemConverter converter, Map<String, SourceFile> byPath,
        SortedMap<String, byte[]> classes, Map<String, String> sourceOf, List<Diagnostic> diagnostics) {
        String file = new String(result.getFileName());
        if (result.getProblems() != null) {
            for (CategorizedProblem p : result.getProblems()) {
                diagnostics.add(converter.convert(p));
            }
        }
        for (ClassFile cf : result.getClassFiles()) {
            String name = new String(cf.fileName());
            classes.put(name + ".class", cf.getBytes());
            sourceOf.put(name.replace('/', '.'), file);
            if (!cf.isNestedType && name.indexOf('/') < 0) {
                diagnostics.add(defaultPackage(cf, name, byPath.get(file), file));
            }
        }
    }

    private static Diagnostic defaultPackage(ClassFile cf, String name, SourceFile source, String file) {
        String message = "type " + name + " is in the default package; a bundle can neither export nor import it: add a package declaration";
        int offset = -1;
        try {
            offset = cf.referenceBinding.scope.referenceContext.sourceStart;
        } catch (RuntimeException e) {
            // the binding is gone: fall back to the start of the file
        }
        if (offset < 0 && source != null) {
            offset = declarationOffset(source, name);
        }
        if (source == null || offset < 0) {
            return new Diagnostic(Severity.ERROR, file, 0, 0, message, "");
        }
        int line = source.lines().line(offset);
        return new Diagnostic(Severity.ERROR, file, line, source.lines().column(offset), message, source.lines().lineText(line));
    }

    /** @return the offset of the type's name in its declaration, or -1 */
    private static int declarationOffset(SourceFile source, String simpleName) {
        java.util.regex.Matcher m = java.util.regex.Pattern
            .compile("\\b(?:class|interface|enum|record)\\s+(" + java.util.regex.Pattern.quote(simpleName) + ")\\b")
            .matcher(new String(source.text()));
        return m.find() ? m.start(1) : -1;
    }

    static Map<String, String> settings(CompileOptions options) {
        String version = options.release() <= 8 ? "1." + options.release() : Integer.toString(options.release());
        String debug = options.debugInfo() ? CompilerOptions.GENERATE : CompilerOptions.DO_NOT_GENERATE;
        Map<String, String> settings = new HashMap<>();
        settings.put(CompilerOptions.OPTION_Source, version);
        settings.put(CompilerOptions.OPTION_Compliance, version);
        settings.put(CompilerOptions.OPTION_TargetPlatform, version);
        settings.put(CompilerOptions.OPTION_LineNumberAttribute, debug);
        settings.put(CompilerOptions.OPTION_SourceFileAttribute, debug);
        settings.put(CompilerOptions.OPTION_LocalVariableAttribute, debug);
        settings.put(CompilerOptions.OPTION_Encoding, options.encoding().name());
        settings.put(CompilerOptions.OPTION_Process_Annotations, CompilerOptions.DISABLED);
        settings.put(CompilerOptions.OPTION_ReportUnusedImport, CompilerOptions.WARNING);
        return settings;
    }
}
