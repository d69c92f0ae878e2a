package dev.graft.compiler.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.jar.Manifest;

import aQute.bnd.osgi.Constants;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.Diagnostic.Severity;

/**
 * Warns when a plugin exports a package that an installed bundle (other than an earlier version of
 * the same plugin) already exports: importers may then be wired to either.
 */
final class ExportOverlap {

    private ExportOverlap() {
    }

    static List<Diagnostic> warnings(Manifest manifest, PackageIndex.Snapshot framework, String pluginName, PluginBnd bnd,
        List<SourceFile> sources) {
        List<Diagnostic> warnings = new ArrayList<>();
        if (manifest == null) {
            return warnings;
        }
        String header = manifest.getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
        for (String exported : aQute.bnd.header.OSGiHeader.parseHeader(header).keySet()) {
            String pkg = exported.replace("~", "");
            List<String> others = framework.exporters(pkg).stream().filter(e -> !pluginName.equals(e.bundle().getSymbolicName()))
                .map(PackageIndex.Exporter::describe).toList();
            if (others.isEmpty()) {
                continue;
            }
            String message = "package " + pkg + " is already exported by " + String.join(", ", others)
                + "; bundles that import it may be wired to either";
            warnings.add(at(message, pkg, bnd, sources));
        }
        return warnings;
    }

    /** Points at the Export-Package line of bnd.bnd, else at {@code @Export} in the package's package-info.java. */
    private static Diagnostic at(String message, String pkg, PluginBnd bnd, List<SourceFile> sources) {
        int line = bnd.lineOf(Constants.EXPORT_PACKAGE);
        if (line > 0 && bnd.properties().getProperty(Constants.EXPORT_PACKAGE, "").contains(pkg)) {
            return new Diagnostic(Severity.WARNING, PluginLayout.BND_FILE, line, bnd.columnOf(line, pkg), message, bnd.lineText(line));
        }
        String suffix = pkg.replace('.', '/') + "/package-info.java";
        for (SourceFile s : sources) {
            if (s.path().endsWith(suffix)) {
                for (int l = 1; l <= s.lines().lineCount(); l++) {
                    int col = s.lines().lineText(l).indexOf("@Export");
                    if (col >= 0) {
                        return new Diagnostic(Severity.WARNING, s.path(), l, col + 1, message, s.lines().lineText(l));
                    }
                }
                return Diagnostic.of(Severity.WARNING, s.path(), message);
            }
        }
        return Diagnostic.of(Severity.WARNING, "", message);
    }
}
