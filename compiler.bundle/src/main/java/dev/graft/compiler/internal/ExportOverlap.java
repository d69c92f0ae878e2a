package dev.graft.compiler.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;

import org.osgi.framework.Constants;
import org.osgi.framework.Version;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.OSGiHeader;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.Diagnostic.Severity;
import dev.graft.compiler.ProvenanceHeaders;

/**
 * What a plugin may export. It may not export what is not its own: {@code java.*}, Graft's packages,
 * a package the system bundle exports, or a package another plugin (installed, or built earlier in
 * the same batch) exports at an overlapping version (the same major version, which one import range
 * can match). A package that another installed bundle exports is a warning: importers may then be
 * wired to either.
 */
final class ExportOverlap {

    private ExportOverlap() {
    }

    static List<Diagnostic> check(Manifest manifest, PackageIndex.Snapshot framework, BatchPackages batch, String pluginName,
        PluginBnd bnd, List<SourceFile> sources) {
        List<Diagnostic> found = new ArrayList<>();
        if (manifest == null) {
            return found;
        }
        String header = manifest.getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
        for (Map.Entry<String, Attrs> exported : OSGiHeader.parseHeader(header).entrySet()) {
            String pkg = exported.getKey().replace("~", "");
            Version version = Version.parseVersion(exported.getValue().getVersion());
            String owner = owner(pkg, version, framework, batch, pluginName);
            if (owner != null) {
                found.add(at(Severity.ERROR, "plugin " + pluginName + " cannot export package " + pkg + ": it belongs to " + owner,
                    pkg, bnd, sources));
                continue;
            }
            List<String> others = framework.exporters(pkg).stream().filter(e -> !pluginName.equals(e.bundle().getSymbolicName()))
                .map(PackageIndex.Exporter::describe).toList();
            if (!others.isEmpty()) {
                found.add(at(Severity.WARNING, "package " + pkg + " is already exported by " + String.join(", ", others)
                    + "; bundles that import it may be wired to either", pkg, bnd, sources));
            }
        }
        return found;
    }

    /** @return who owns the package, or null when the plugin may export it */
    private static String owner(String pkg, Version version, PackageIndex.Snapshot framework, BatchPackages batch, String pluginName) {
        if (pkg.equals("java") || pkg.startsWith("java.")) {
            return "the Java runtime";
        }
        if (pkg.equals("dev.graft") || pkg.startsWith("dev.graft.")) {
            return "Graft";
        }
        for (PackageIndex.Exporter e : framework.exporters(pkg)) {
            if (e.bundle().getBundleId() == 0) {
                return "the system bundle (" + e.describe() + ")";
            }
            boolean plugin = e.bundle().getHeaders("").get(ProvenanceHeaders.SOURCE_DIGEST) != null;
            if (plugin && !pluginName.equals(e.bundle().getSymbolicName()) && e.version().getMajor() == version.getMajor()) {
                return "plugin " + e.describe() + ", which exports it at an overlapping version";
            }
        }
        BatchPackages.BatchExport sibling = batch.exporter(pkg);
        if (sibling != null && !pluginName.equals(sibling.build().name())
            && Version.parseVersion(sibling.version()).getMajor() == version.getMajor()) {
            return "plugin " + sibling.build().name() + " (package version " + sibling.version()
                + "), which exports it at an overlapping version";
        }
        return null;
    }

    /** Points at the Export-Package line of bnd.bnd, else at {@code @Export} in the package's package-info.java. */
    private static Diagnostic at(Severity severity, String message, String pkg, PluginBnd bnd, List<SourceFile> sources) {
        int line = bnd.lineOf(Constants.EXPORT_PACKAGE);
        if (line > 0 && bnd.properties().getProperty(Constants.EXPORT_PACKAGE, "").contains(pkg)) {
            return new Diagnostic(severity, bnd.file(), line, bnd.columnOf(line, pkg), message, bnd.lineText(line));
        }
        String suffix = pkg.replace('.', '/') + "/package-info.java";
        for (SourceFile s : sources) {
            if (s.path().endsWith(suffix)) {
                for (int l = 1; l <= s.lines().lineCount(); l++) {
                    int col = s.lines().lineText(l).indexOf("@Export");
                    if (col >= 0) {
                        return new Diagnostic(severity, s.path(), l, col + 1, message, s.lines().lineText(l));
                    }
                }
                return Diagnostic.of(severity, s.path(), message);
            }
        }
        return Diagnostic.of(severity, "", message);
    }
}
