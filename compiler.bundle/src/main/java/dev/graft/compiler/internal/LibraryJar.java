package dev.graft.compiler.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.osgi.framework.Version;

import aQute.bnd.header.OSGiHeader;
import aQute.bnd.header.Parameters;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.Diagnostic.Severity;
import dev.graft.compiler.JarCheck;

/**
 * One jar of a plugin's {@code lib/} folder, read from the bytes the reader took from the folder:
 * its files by package (class files and the resources beside them), and the version of each package (its Export-Package when the jar is a
 * bundle, else its Bundle-Version or Implementation-Version; unknown otherwise). Reading a jar never
 * runs anything in it.
 *
 * @param path its path in the plugin ({@code lib/name.jar})
 * @param bytes its bytes
 * @param packages the files of each package that holds a class, each by entry path
 * @param versions the version of each package, where the jar says one
 */
record LibraryJar(String path, byte[] bytes, SortedMap<String, SortedMap<String, byte[]>> packages, Map<String, Version> versions) {

    /**
     * @param path the jar's path in the plugin
     * @param bytes its bytes
     * @return the jar read
     * @throws LibraryException when it is not a whole, readable jar
     */
    static LibraryJar read(String path, byte[] bytes) throws LibraryException {
        Optional<String> broken = JarCheck.problem(bytes);
        if (broken.isPresent()) {
            throw new LibraryException(Diagnostic.of(Severity.ERROR, path, "a library of lib/ is unusable: " + broken.get()));
        }
        SortedMap<String, SortedMap<String, byte[]>> files = new TreeMap<>();
        java.util.Set<String> withClasses = new java.util.TreeSet<>();
        Manifest manifest = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                String name = e.getName();
                if (name.equals("META-INF/MANIFEST.MF")) {
                    manifest = new Manifest(in);
                } else if (!e.isDirectory() && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                    int slash = name.lastIndexOf('/');
                    String pkg = slash < 0 ? "" : name.substring(0, slash).replace('/', '.');
                    files.computeIfAbsent(pkg, p -> new TreeMap<>()).put(name, in.readAllBytes());
                    if (name.endsWith(".class")) {
                        withClasses.add(pkg);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new LibraryException(Diagnostic.of(Severity.ERROR, path, "a library of lib/ is unusable: not a readable jar: " + e.getMessage()));
        }
        files.keySet().retainAll(withClasses);
        files.remove("");
        return new LibraryJar(path, bytes, Collections.unmodifiableSortedMap(files), versions(manifest, files.keySet()));
    }

    /**
     * @param bytes a jar's bytes
     * @return the packages its class files are in, as far as it can be read (a broken jar is
     *         reported when the plugin is compiled)
     */
    static java.util.Set<String> packageNames(byte[] bytes) {
        java.util.Set<String> packages = new java.util.TreeSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                String name = e.getName();
                int slash = name.lastIndexOf('/');
                if (name.endsWith(".class") && slash > 0 && !name.startsWith("META-INF/")) {
                    packages.add(name.substring(0, slash).replace('/', '.'));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // outlined up to where it breaks
        }
        return packages;
    }

    private static Map<String, Version> versions(Manifest manifest, Iterable<String> packages) {
        Map<String, Version> versions = new TreeMap<>();
        if (manifest == null) {
            return versions;
        }
        String exports = manifest.getMainAttributes().getValue("Export-Package");
        if (exports != null) {
            Parameters parameters = OSGiHeader.parseHeader(exports);
            parameters.forEach((pkg, attrs) -> {
                String v = attrs.getVersion();
                Version version = parse(v);
                if (version != null) {
                    versions.put(pkg.replace("~", ""), version);
                }
            });
        }
        Version whole = parse(manifest.getMainAttributes().getValue("Bundle-Version"));
        if (whole == null) {
            whole = parse(manifest.getMainAttributes().getValue("Implementation-Version"));
        }
        if (whole != null) {
            for (String pkg : packages) {
                versions.putIfAbsent(pkg, whole);
            }
        }
        return versions;
    }

    /** An OSGi version from a header, leniently: {@code 1.2.3-SNAPSHOT} is 1.2.3; null when there is none. */
    static Version parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.trim().split("[^0-9]+", -1);
        int[] numbers = new int[3];
        int found = 0;
        for (String p : parts) {
            if (!p.isEmpty() && found < 3) {
                try {
                    numbers[found++] = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            if (p.isEmpty() && found > 0) {
                break;
            }
        }
        return found == 0 ? null : new Version(numbers[0], numbers[1], numbers[2]);
    }

    /** Why a library jar cannot be used, as a diagnostic at the jar. */
    static final class LibraryException extends Exception {

        private static final long serialVersionUID = 1L;
        private final transient Diagnostic diagnostic;

        LibraryException(Diagnostic diagnostic) {
            super(diagnostic.message());
            this.diagnostic = diagnostic;
        }

        Diagnostic diagnostic() {
            return diagnostic;
        }
    }
}
