package dev.graft.compiler.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import de.thetaphi.forbiddenapis.ClassSetChecker;
import de.thetaphi.forbiddenapis.ParseException;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.Diagnostic.Severity;

/**
 * The check of a plugin's compiled classes against the calls a plugin may not make (ending the
 * process, taking the console, stopping threads: {@code forbidden-calls.txt}) and against the
 * extra signatures its compile options carry, with forbiddenapis. Each use found becomes an error
 * at the line the class's line number table gives, with the column of the called name on that line.
 */
final class ForbiddenCalls {

    /** The resource with Graft's own signatures, in forbiddenapis' format. */
    static final String SIGNATURES = "forbidden-calls.txt";

    private static final int KEPT_EXTRA_CHECKERS = 8;

    private final String hostSignatures;
    private volatile CompletableFuture<ClassSetChecker> host;
    private final Map<String, ClassSetChecker> extra = new LinkedHashMap<>(16, 0.75f, true);

    ForbiddenCalls() {
        try (InputStream in = ForbiddenCalls.class.getResourceAsStream(SIGNATURES)) {
            if (in == null) {
                throw new IllegalStateException("the compiler bundle lacks " + SIGNATURES);
            }
            hostSignatures = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts making the checker of Graft's signatures, unless it is made or being made: the first
     * one in a JVM reads the JDK classes the signatures name and loads the checker's own classes,
     * which a first compile can overlap with ECJ's warm-up instead of waiting for it afterwards.
     */
    synchronized void prepare() {
        if (host == null) {
            host = CompletableFuture.supplyAsync(() -> {
                try {
                    // lenient: a later Java may have removed a method Graft forbids (ThreadGroup#stop, ...)
                    return new ClassSetChecker(ClassLoader.getPlatformClassLoader(), hostSignatures, false);
                } catch (ParseException | IOException e) {
                    throw new IllegalStateException("Graft's own " + SIGNATURES + " cannot be used: " + e.getMessage(), e);
                }
            }, task -> {
                Thread t = new Thread(task, "graft-forbidden-calls");
                t.setDaemon(true);
                t.start();
            });
        }
    }

    /**
     * @param classes the class files by path ({@code com/acme/Hello.class})
     * @param sourceOf the source path of each class by binary name ({@code com.acme.Hello})
     * @param sources the plugin's sources by path
     * @param extraSignatures more signatures in forbiddenapis' format, or empty
     * @return an error for each forbidden use, and for signatures that cannot be used
     */
    List<Diagnostic> check(SortedMap<String, byte[]> classes, Map<String, String> sourceOf, Map<String, SourceFile> sources,
        String extraSignatures) {
        Map<String, byte[]> byName = new TreeMap<>();
        List<Diagnostic> found = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            byName.put(e.getKey().substring(0, e.getKey().length() - ".class".length()), e.getValue());
        }
        try {
            toDiagnostics(checker(null).check(byName), sourceOf, sources, found);
            if (!extraSignatures.isBlank()) {
                toDiagnostics(checker(extraSignatures).check(byName), sourceOf, sources, found);
            }
        } catch (ParseException e) {
            found.add(Diagnostic.of(Severity.ERROR, "", "the forbidden signatures of the compile options cannot be used: " + e.getMessage()));
        } catch (IOException | RuntimeException e) {
            found.add(Diagnostic.of(Severity.ERROR, "", "internal error while checking for forbidden calls: " + e));
        }
        return found;
    }

    private ClassSetChecker checker(String extraSignatures) throws ParseException, IOException {
        if (extraSignatures == null) {
            prepare();
            try {
                return host.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        return extraChecker(extraSignatures);
    }

    private synchronized ClassSetChecker extraChecker(String extraSignatures) throws ParseException, IOException {
        ClassSetChecker c = extra.get(extraSignatures);
        if (c == null) {
            c = new ClassSetChecker(ClassLoader.getPlatformClassLoader(), extraSignatures, true);
            extra.put(extraSignatures, c);
            if (extra.size() > KEPT_EXTRA_CHECKERS) {
                extra.remove(extra.keySet().iterator().next());
            }
        }
        return c;
    }

    private static void toDiagnostics(List<ClassSetChecker.Violation> violations, Map<String, String> sourceOf,
        Map<String, SourceFile> sources, List<Diagnostic> into) {
        for (ClassSetChecker.Violation v : violations) {
            String file = sourceOf.getOrDefault(v.className(), "");
            SourceFile source = sources.get(file);
            int line = Math.max(v.line(), 0);
            String text = source == null ? "" : source.lines().lineText(line);
            into.add(new Diagnostic(Severity.ERROR, file, line, column(text, calledName(v.description())), message(v.description()), text));
        }
    }

    /** {@code Forbidden method invocation: java.lang.System#exit(int) [reason]} becomes {@code forbidden method invocation java.lang.System#exit(int): reason}. */
    static String message(String description) {
        String head = description;
        String reason = "";
        int open = description.lastIndexOf(" [");
        if (open > 0 && description.endsWith("]")) {
            head = description.substring(0, open);
            reason = description.substring(open + 2, description.length() - 1);
        }
        head = head.replaceFirst(": ", " ");
        head = head.isEmpty() ? head : Character.toLowerCase(head.charAt(0)) + head.substring(1);
        return reason.isEmpty() ? head : head + ": " + reason;
    }

    /** The member named by a violation ({@code exit} of {@code java.lang.System#exit(int)}), or empty. */
    static String calledName(String description) {
        int hash = description.indexOf('#');
        if (hash < 0) {
            return "";
        }
        int end = hash + 1;
        while (end < description.length() && Character.isJavaIdentifierPart(description.charAt(end))) {
            end++;
        }
        return description.substring(hash + 1, end);
    }

    /**
     * The 1-based column of a name on a line: its first use after {@code .} or {@code ::}, else its
     * first use as a whole word (an unqualified call), else 0.
     */
    static int column(String line, String name) {
        if (name.isEmpty()) {
            return 0;
        }
        int word = 0;
        for (int i = line.indexOf(name); i >= 0; i = line.indexOf(name, i + 1)) {
            int after = i + name.length();
            boolean startsWord = i == 0 || !Character.isJavaIdentifierPart(line.charAt(i - 1));
            boolean endsWord = after >= line.length() || !Character.isJavaIdentifierPart(line.charAt(after));
            if (!startsWord || !endsWord) {
                continue;
            }
            int before = i - 1;
            while (before >= 0 && Character.isWhitespace(line.charAt(before))) {
                before--;
            }
            if (before >= 0 && (line.charAt(before) == '.' || line.charAt(before) == ':')) {
                return i + 1;
            }
            if (word == 0) {
                word = i + 1;
            }
        }
        return word;
    }
}
