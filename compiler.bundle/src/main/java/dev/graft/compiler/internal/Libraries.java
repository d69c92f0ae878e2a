package dev.graft.compiler.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.osgi.framework.Version;

import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.Diagnostic.Severity;
import dev.graft.compiler.ImportPolicy;

/**
 * The jars of a plugin's {@code lib/} folder (a fat plugin), and which of their packages go into
 * the plugin's bundle. findlib's rule: a library the host already has is never loaded twice, so a
 * package that the framework exports at a compatible version (the same major version, not lower
 * than the jar's; any version when the jar says none) is left out and imported; so is a package of
 * the JDK. Every other package is embedded, private to the plugin, so two plugins may embed two
 * versions of one library. What was left out, and why, is reported as information at the jar.
 */
final class Libraries {

    /** No {@code lib/} folder. */
    static final Libraries NONE = new Libraries(List.of(), new TreeMap<>(), List.of());

    private final List<LibraryJar> jars;
    /** Embedded packages, each with the jar it comes from (the first jar in path order holding it). */
    private final SortedMap<String, LibraryJar> embedded;
    private final List<Diagnostic> notes;

    private Libraries(List<LibraryJar> jars, SortedMap<String, LibraryJar> embedded, List<Diagnostic> notes) {
        this.jars = jars;
        this.embedded = embedded;
        this.notes = notes;
    }

    /**
     * @param libraries the bytes of each {@code lib/*.jar}, by path in the plugin
     * @param framework the framework's exports the plugin is compiled against
     * @param jdk the JDK's packages
     * @param policy the import policy: a package it denies cannot be imported, so it is embedded
     * @return the libraries, with what is embedded and what left out
     * @throws LibraryJar.LibraryException when a jar is not a whole, readable jar
     */
    static Libraries of(SortedMap<String, byte[]> libraries, PackageIndex.Snapshot framework, JdkPackages jdk, ImportPolicy policy)
        throws LibraryJar.LibraryException {
        if (libraries.isEmpty()) {
            return NONE;
        }
        List<LibraryJar> jars = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : libraries.entrySet()) {
            jars.add(LibraryJar.read(e.getKey(), e.getValue()));
        }
        SortedMap<String, LibraryJar> embedded = new TreeMap<>();
        List<Diagnostic> notes = new ArrayList<>();
        for (LibraryJar jar : jars) {
            Map<String, String> leftOut = new LinkedHashMap<>();
            for (String pkg : jar.packages().keySet()) {
                Optional<String> why = hostHas(pkg, jar.versions().get(pkg), framework, jdk, policy);
                if (why.isPresent()) {
                    leftOut.put(pkg, why.get());
                } else if (embedded.containsKey(pkg)) {
                    notes.add(Diagnostic.of(Severity.WARNING, jar.path(), "package " + pkg + " is also in "
                        + embedded.get(pkg).path() + ", whose copy is embedded; this jar's is left out"));
                } else {
                    embedded.put(pkg, jar);
                }
            }
            if (!leftOut.isEmpty()) {
                notes.add(Diagnostic.of(Severity.INFO, jar.path(), leftOut.size() + " of its " + jar.packages().size()
                    + " packages left out and imported instead, as the host already has them: "
                    + String.join("; ", leftOut.entrySet().stream().map(x -> x.getKey() + " (" + x.getValue() + ")").toList())));
            }
        }
        return new Libraries(List.copyOf(jars), embedded, List.copyOf(notes));
    }

    /** Why the host's copy of a package is used instead of the jar's, or empty when the jar's is embedded. */
    private static Optional<String> hostHas(String pkg, Version jarVersion, PackageIndex.Snapshot framework, JdkPackages jdk,
        ImportPolicy policy) {
        if (jdk.contains(pkg) || pkg.startsWith("java.")) {
            return Optional.of("the JDK has it");
        }
        List<PackageIndex.Exporter> exporters = framework.exporters(pkg);
        if (exporters.isEmpty() || policy.denies(pkg).isPresent()) {
            return Optional.empty();
        }
        for (PackageIndex.Exporter e : exporters) {
            if (jarVersion == null || (e.version().getMajor() == jarVersion.getMajor() && e.version().compareTo(jarVersion) >= 0)) {
                return Optional.of("the framework exports it at " + e.version() + " from " + e.bundle().getSymbolicName()
                    + (jarVersion == null ? "; the jar names no version" : ", compatible with the jar's " + jarVersion));
            }
        }
        return Optional.empty();
    }

    /** @return the embedded packages */
    Set<String> embeddedPackages() {
        return new TreeSet<>(embedded.keySet());
    }

    /**
     * @param packageName a package
     * @return whether the plugin embeds it
     */
    boolean embeds(String packageName) {
        return embedded.containsKey(packageName);
    }

    /**
     * @param packageName an embedded package
     * @param path a class file's path
     * @return its bytes, or null
     */
    byte[] read(String packageName, String path) {
        LibraryJar jar = embedded.get(packageName);
        return jar == null ? null : jar.packages().get(packageName).get(path);
    }

    /** @return whether the name is an embedded package or a parent of one */
    boolean isPackage(String name) {
        String prefix = name + ".";
        for (String p : embedded.keySet()) {
            if (p.equals(name) || p.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return the embedded packages' files (classes and the resources beside them), each from the
     *         jar that provides the package, by entry path
     */
    SortedMap<String, byte[]> embeddedFiles() {
        SortedMap<String, byte[]> files = new TreeMap<>();
        embedded.forEach((pkg, jar) -> files.putAll(jar.packages().get(pkg)));
        return files;
    }

    /** @return the jars, in path order */
    List<LibraryJar> jars() {
        return jars;
    }

    /** @return what was left out of which jar and why, and packages two jars hold */
    List<Diagnostic> notes() {
        return notes;
    }
}
