package dev.graft.compiler.internal;

import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.core.compiler.CategorizedProblem;
import org.eclipse.jdt.core.compiler.IProblem;

import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.Diagnostic.Severity;

/**
 * Turns ECJ problems into diagnostics with a real line and column (ECJ reports a character offset)
 * and the source line. An unresolved import of a package that nothing exports says so in plain words.
 */
final class ProblemConverter {

    private static final Pattern IMPORT = Pattern.compile("import\\s+(?:static\\s+)?([\\w.$]+?)(\\.\\*)?\\s*;");

    private final Map<String, SourceFile> sources;
    private final Predicate<String> knownPackage;

    /**
     * @param sources the plugin's sources by relative path (the file names ECJ was given)
     * @param knownPackage whether a package exists for the compile (exported, JDK, batch or the plugin's own)
     */
    ProblemConverter(Map<String, SourceFile> sources, Predicate<String> knownPackage) {
        this.sources = sources;
        this.knownPackage = knownPackage;
    }

    Diagnostic convert(CategorizedProblem p) {
        Severity severity = p.isError() ? Severity.ERROR : p.isWarning() ? Severity.WARNING : Severity.INFO;
        String file = p.getOriginatingFileName() == null ? "" : new String(p.getOriginatingFileName());
        SourceFile source = sources.get(file);
        int offset = p.getSourceStart();
        int line = p.getSourceLineNumber();
        int column = 0;
        String sourceLine = "";
        if (source != null && offset >= 0) {
            line = source.lines().line(offset);
            column = source.lines().column(offset);
            sourceLine = source.lines().lineText(line);
        } else if (source != null && line > 0) {
            sourceLine = source.lines().lineText(line);
        }
        String message = p.getMessage();
        if (p.getID() == IProblem.ImportNotFound) {
            message = explainImport(message, sourceLine);
        }
        return new Diagnostic(severity, file, Math.max(line, 0), column, message, sourceLine);
    }

    private String explainImport(String message, String sourceLine) {
        Matcher m = IMPORT.matcher(sourceLine);
        if (!m.find()) {
            return message;
        }
        String packageName = packageOf(m.group(1), m.group(2) != null);
        if (packageName.isEmpty() || knownPackage.test(packageName)) {
            return message;
        }
        return message + ": no bundle in the running framework exports package " + packageName;
    }

    /**
     * The package of an imported name, by the Java naming convention: the segments before the
     * first one that starts with an upper-case letter.
     */
    static String packageOf(String imported, boolean onDemand) {
        String[] segments = imported.split("\\.");
        StringBuilder b = new StringBuilder();
        int end = onDemand ? segments.length : segments.length - 1;
        for (int i = 0; i < end; i++) {
            if (!segments[i].isEmpty() && Character.isUpperCase(segments[i].charAt(0))) {
                break;
            }
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(segments[i]);
        }
        return b.toString();
    }
}
