package dev.graft.compiler.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Clazz;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Descriptors.PackageRef;
import aQute.bnd.osgi.EmbeddedResource;
import aQute.bnd.osgi.Jar;
import dev.graft.compiler.BundleSummary;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.Diagnostic.Severity;

/**
 * Packages compiled classes into a bundle with bndlib, in memory: Import-Package from the
 * bytecode with version ranges from the exporters' versions, Export-Package from the plugin's
 * {@code bnd.bnd} or {@code @Export} on a {@code package-info}, everything else private (the
 * packages a fat plugin embeds from its {@code lib/} jars inlined, private too), DS and
 * metatype descriptors from the annotations, resources copied, provenance headers added.
 */
final class BundlePackager {

    /**
     * What to package.
     *
     * @param name the plugin's name, which becomes the Bundle-SymbolicName
     * @param bnd the plugin's own instructions
     * @param classes class files by entry path
     * @param resources resources by entry path
     * @param exporterVersions the version of each package the classes were compiled against
     * @param headers extra headers (provenance)
     * @param activator the detected Bundle-Activator, or null
     * @param files the plugin folder's files, which {@code -includeresource} may copy
     * @param libraries the jars of {@code lib/}, whose embedded packages are inlined into the bundle
     * @param optionalImports packages that only embedded library classes refer to and nothing
     *        provides: imported with {@code resolution:=optional}, as the library does not need them to load
     */
    record Input(String name, PluginBnd bnd, SortedMap<String, byte[]> classes, SortedMap<String, byte[]> resources,
        Map<String, String> exporterVersions, Map<String, String> headers, String activator, Map<String, byte[]> files,
        Libraries libraries, Set<String> optionalImports) {
    }

    /**
     * The bundle.
     *
     * @param jar the jar bytes, or null when bnd reported errors
     * @param summary what the bundle declares, or null when bnd reported errors
     * @param manifest the manifest
     * @param referrers for each referred package, the classes of the plugin that refer to it
     * @param diagnostics bnd's errors and warnings
     */
    record Output(byte[] jar, BundleSummary summary, Manifest manifest, Map<String, SortedSet<String>> referrers,
        List<Diagnostic> diagnostics) {
    }

    private BundlePackager() {
    }

    static Output pack(Input in) throws Exception {
        Jar classes = new Jar("classes");
        SortedSet<String> packages = new TreeSet<>();
        for (Map.Entry<String, byte[]> e : in.classes().entrySet()) {
            classes.putResource(e.getKey(), new EmbeddedResource(e.getValue(), 0L));
            int slash = e.getKey().lastIndexOf('/');
            if (slash > 0) {
                packages.add(e.getKey().substring(0, slash).replace('/', '.'));
            }
        }
        Properties instructions = in.bnd().properties();
        Path copy = ContainedPaths.includesResources(instructions) ? copyOfFolder(in.files()) : null;
        try (Builder b = new Builder()) {
            b.setBase(copy == null ? BndEvaluation.FOLDER : copy.toFile());
            b.setProperties(instructions);
            b.addClasspath(classes);
            if (!in.libraries().embeddedPackages().isEmpty()) {
                Jar embedded = new Jar("lib");
                in.libraries().embeddedFiles().forEach((path, bytes) -> embedded.putResource(path, new EmbeddedResource(bytes, 0L)));
                b.addClasspath(embedded);
            }
            b.addClasspath(exportsOf(in.exporterVersions()));
            b.setProperty(Constants.BUNDLE_SYMBOLICNAME, in.bnd().get(Constants.BUNDLE_SYMBOLICNAME).orElse(in.name()));
            b.setProperty(Constants.BUNDLE_VERSION, in.bnd().get(Constants.BUNDLE_VERSION).orElse("0.0.0"));
            String own = in.bnd().get(Constants.INCLUDEPACKAGE).orElse("");
            b.setProperty(Constants.INCLUDEPACKAGE, join(own, String.join(",", packages)));
            if (!in.libraries().embeddedPackages().isEmpty()) {
                // inlined: each embedded package comes from the jar that holds it, first on bnd's class path
                b.setProperty(Constants.INCLUDEPACKAGE, join(b.getProperty(Constants.INCLUDEPACKAGE),
                    String.join(",", in.libraries().embeddedPackages())));
            }
            if (!in.optionalImports().isEmpty()) {
                String written = in.bnd().get(Constants.IMPORT_PACKAGE).orElse("*");
                b.setProperty(Constants.IMPORT_PACKAGE, in.optionalImports().stream().map(p -> p + ";resolution:=optional")
                    .collect(Collectors.joining(",")) + "," + written);
            }
            defaultTo(b, in.bnd(), Constants.DSANNOTATIONS, "*");
            defaultTo(b, in.bnd(), "-metatypeannotations", "*");
            b.setProperty(Constants.REPRODUCIBLE, "true");
            b.setProperty(Constants.NOEXTRAHEADERS, "true");
            if (in.activator() != null && in.bnd().get(Constants.BUNDLE_ACTIVATOR).isEmpty()) {
                b.setProperty(Constants.BUNDLE_ACTIVATOR, in.activator());
            }
            in.headers().forEach(b::setProperty);
            Jar built = b.build();
            for (Map.Entry<String, byte[]> e : in.resources().entrySet()) {
                built.putResource(e.getKey(), new EmbeddedResource(e.getValue(), 0L), false);
            }
            List<Diagnostic> diagnostics = new ArrayList<>();
            String file = in.bnd().present() ? PluginLayout.BND_FILE : "";
            b.getErrors().forEach(m -> diagnostics.add(Diagnostic.of(Severity.ERROR, file, "bnd: " + m)));
            b.getWarnings().forEach(m -> diagnostics.add(Diagnostic.of(Severity.WARNING, file, "bnd: " + m)));
            Map<String, SortedSet<String>> referrers = new TreeMap<>();
            for (Clazz c : b.getClassspace().values()) {
                for (PackageRef p : c.getReferred()) {
                    referrers.computeIfAbsent(p.getFQN(), k -> new TreeSet<>()).add(c.getFQN());
                }
            }
            Manifest manifest = built.getManifest();
            if (!b.isOk()) {
                return new Output(null, null, manifest, referrers, diagnostics);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            built.write(bytes);
            return new Output(bytes.toByteArray(), ManifestSummary.of(manifest, built), manifest, referrers, diagnostics);
        } finally {
            if (copy != null) {
                deleteTree(copy);
            }
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary copy; the next build makes its own
        }
    }

    /**
     * A private copy of the plugin's files for {@code -includeresource}, whose paths were checked to
     * stay inside the folder: bnd reads from it, and it holds nothing but the plugin's plain files.
     */
    private static Path copyOfFolder(Map<String, byte[]> files) throws IOException {
        Path copy = Files.createTempDirectory("graft-plugin-");
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path target = copy.resolve(e.getKey()).normalize();
            if (!target.startsWith(copy)) {
                throw new IOException("a file of the plugin folder leaves it: " + e.getKey());
            }
            Files.createDirectories(target.getParent());
            Files.write(target, e.getValue());
        }
        return copy;
    }

    /** A jar with nothing but a manifest exporting the given packages, so bnd gives imports version ranges. */
    private static Jar exportsOf(Map<String, String> versions) {
        Jar jar = new Jar("framework-exports");
        Manifest m = new Manifest();
        m.getMainAttributes().putValue("Manifest-Version", "1.0");
        m.getMainAttributes().putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        m.getMainAttributes().putValue(Constants.BUNDLE_SYMBOLICNAME, "graft.framework.exports");
        if (!versions.isEmpty()) {
            m.getMainAttributes().putValue(Constants.EXPORT_PACKAGE, versions.entrySet().stream()
                .map(e -> e.getKey() + ";version=\"" + e.getValue() + "\"").collect(Collectors.joining(",")));
        }
        jar.setManifest(m);
        return jar;
    }

    private static void defaultTo(Builder b, PluginBnd bnd, String key, String value) {
        if (bnd.get(key).isEmpty()) {
            b.setProperty(key, value);
        }
    }

    private static String join(String a, String b) {
        return a.isBlank() ? b : b.isBlank() ? a : a + "," + b;
    }
}
