package de.thetaphi.forbiddenapis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import de.thetaphi.forbiddenapis.asm.ClassReader;

/**
 * Graft's entry into forbiddenapis: signatures parsed once, then one set of classes checked at a
 * time, any number of times. forbiddenapis' {@link Checker} parses its signatures and reads the
 * JDK classes they name anew for every checker, and a checker only grows; this class keeps one
 * checker for its signatures and JDK class cache, and runs forbiddenapis' own {@link ClassScanner}
 * over each set of classes. It lives in forbiddenapis' package (carried privately inside Graft's
 * compiler bundle, so one class loader holds both) because the scanner takes package-private types.
 *
 * <p>No annotation suppresses a violation: the code checked is not trusted.
 */
public final class ClassSetChecker {

    /**
     * One forbidden use.
     *
     * @param className the binary name of the class that makes it ({@code com.acme.Hello$1})
     * @param line the line of the use from the class's line number table, or -1 when it has none
     * @param description forbiddenapis' text: the kind of use, the signature and its reason in brackets
     */
    public record Violation(String className, int line, String description) {
    }

    private static final Pattern NO_SUPPRESSION = Pattern.compile("(?!)");

    private final Checker checker;

    /**
     * @param jdk the class loader the classes named by the signatures come from
     * @param signatures signatures in forbiddenapis' format
     * @param strict whether a signature naming a class or member the JDK lacks is an error; when
     *        not, such a signature is left out (a call the running Java does not have cannot be made)
     * @throws ParseException when a signature cannot be parsed, or (when strict) names a class or member the JDK lacks
     * @throws IOException when a class named by a signature cannot be read
     */
    public ClassSetChecker(ClassLoader jdk, String signatures, boolean strict) throws ParseException, IOException {
        this.checker = new Checker(QUIET, jdk,
            strict ? EnumSet.of(Checker.Option.FAIL_ON_UNRESOLVABLE_SIGNATURES) : EnumSet.noneOf(Checker.Option.class));
        checker.parseSignaturesString(signatures);
    }

    /**
     * Checks a set of classes: calls among them resolve against each other, then against the JDK.
     * Calls are serialised: the checker's cache of JDK classes is not thread-safe.
     *
     * @param classes the class files, by internal name ({@code com/acme/Hello})
     * @return the violations, in class order, then line order
     * @throws IOException when a class file cannot be parsed
     */
    public synchronized List<Violation> check(Map<String, byte[]> classes) throws IOException {
        Map<String, ClassMetadata> own = new HashMap<>();
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            own.put(e.getKey(), new ClassMetadata(AsmUtils.readAndPatchClass(new java.io.ByteArrayInputStream(e.getValue())), false, true));
        }
        RelatedClassLookup lookup = new RelatedClassLookup() {
            @Override
            public ClassMetadata lookupRelatedClass(String internalName, String origin) {
                ClassMetadata m = own.get(internalName);
                return m != null ? m : checker.lookupRelatedClass(internalName, origin);
            }

            @Override
            public ClassMetadata getClassFromClassLoader(String binaryName) throws ClassNotFoundException, IOException {
                ClassMetadata m = own.get(binaryName.replace('.', '/'));
                return m != null ? m : checker.getClassFromClassLoader(binaryName);
            }
        };
        List<Violation> found = new ArrayList<>();
        for (String name : new java.util.TreeSet<>(own.keySet())) {
            ClassMetadata m = own.get(name);
            ClassScanner scanner = new ClassScanner(m, lookup, checker.forbiddenSignatures, NO_SUPPRESSION);
            m.getReader().accept(scanner, ClassReader.SKIP_FRAMES);
            for (ForbiddenViolation v : scanner.getSortedViolations()) {
                found.add(new Violation(m.getBinaryClassName(), v.lineNo, v.description));
            }
        }
        return found;
    }

    private static final Logger QUIET = new Logger() {
        @Override
        public void error(String msg) {
        }

        @Override
        public void warn(String msg) {
        }

        @Override
        public void info(String msg) {
        }

        @Override
        public void debug(String msg) {
        }
    };
}
