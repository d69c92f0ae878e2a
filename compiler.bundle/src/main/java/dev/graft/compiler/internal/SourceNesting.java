package dev.graft.compiler.internal;

import java.util.List;
import java.util.Optional;

import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.Diagnostic.Severity;

/**
 * A limit on how deeply brackets nest in a source, checked before the compiler sees it. ECJ
 * resolves and generates code for an expression recursively, so a source made of one expression
 * nested hundreds of thousands deep ({@code 1+(1+(1+...))}) runs it for minutes and takes
 * gigabytes before it fails; real code nests a few dozen deep. One pass over the characters,
 * skipping comments, string, text block and character literals, finds the first bracket
 * ({@code (}, {@code [} or <code>{</code>) past the limit.
 */
final class SourceNesting {

    private SourceNesting() {
    }

    /**
     * @param sources the plugin's decoded sources
     * @param maxDepth the deepest nesting allowed
     * @return an error at the first bracket past the limit, in the first source that has one
     */
    static Optional<Diagnostic> check(List<SourceFile> sources, int maxDepth) {
        for (SourceFile s : sources) {
            int offset = firstTooDeep(s.text(), maxDepth);
            if (offset >= 0) {
                int line = s.lines().line(offset);
                return Optional.of(new Diagnostic(Severity.ERROR, s.path(), line, s.lines().column(offset),
                    "brackets nest more than " + maxDepth + " deep here (maxNesting): a source this deep would hold the compiler "
                        + "for minutes; split the expression or the data into smaller parts",
                    s.lines().lineText(line)));
            }
        }
        return Optional.empty();
    }

    /** @return the offset of the first opening bracket past the depth, or -1 */
    static int firstTooDeep(char[] text, int maxDepth) {
        int depth = 0;
        int i = 0;
        int n = text.length;
        while (i < n) {
            char c = text[i];
            if (c == '/' && i + 1 < n && text[i + 1] == '/') {
                i = skipPast(text, i + 2, "\n");
            } else if (c == '/' && i + 1 < n && text[i + 1] == '*') {
                i = skipPast(text, i + 2, "*/");
            } else if (c == '"' && i + 2 < n && text[i + 1] == '"' && text[i + 2] == '"') {
                i = skipLiteral(text, i + 3, "\"\"\"");
            } else if (c == '"' || c == '\'') {
                i = skipLiteral(text, i + 1, String.valueOf(c));
            } else {
                if (c == '(' || c == '[' || c == '{') {
                    if (++depth > maxDepth) {
                        return i;
                    }
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                }
                i++;
            }
        }
        return -1;
    }

    private static int skipPast(char[] text, int from, String end) {
        for (int i = from; i + end.length() <= text.length; i++) {
            if (startsWith(text, i, end)) {
                return i + end.length();
            }
        }
        return text.length;
    }

    /** Skips a literal up to its closing quote; a backslash escapes the next character; a line end ends a broken one-line literal. */
    private static int skipLiteral(char[] text, int from, String quote) {
        boolean oneLine = quote.length() == 1;
        for (int i = from; i < text.length; i++) {
            char c = text[i];
            if (c == '\\') {
                i++;
            } else if (oneLine && (c == '\n' || c == '\r')) {
                return i;
            } else if (startsWith(text, i, quote)) {
                return i + quote.length();
            }
        }
        return text.length;
    }

    private static boolean startsWith(char[] text, int at, String s) {
        if (at + s.length() > text.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (text[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
