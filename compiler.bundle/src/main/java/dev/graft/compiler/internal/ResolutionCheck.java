package dev.graft.compiler.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.OSGiHeader;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Constants;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.Diagnostic.Severity;
import dev.graft.compiler.internal.PackageIndex.Exporter;

/**
 * Says whether a built bundle would resolve in the running framework (plus the batch): every
 * mandatory import needs an exporter in its version range, every mandatory requirement a
 * matching capability. Each gap is an error that names the package and the class that needs it.
 */
final class ResolutionCheck {

    /**
     * Where the bundle's requirements come from.
     *
     * @param referrers the plugin classes that refer to each package
     * @param sourceOf the source file of each plugin class
     * @param bnd the plugin's bnd.bnd
     */
    record Origins(Map<String, SortedSet<String>> referrers, Map<String, String> sourceOf, PluginBnd bnd) {
    }

    private ResolutionCheck() {
    }

    static List<Diagnostic> check(Manifest manifest, PackageIndex.Snapshot framework, BatchPackages batch, BundleContext context,
        Origins origins) {
        List<Diagnostic> problems = new ArrayList<>();
        Attributes main = manifest.getMainAttributes();
        Parameters imports = OSGiHeader.parseHeader(main.getValue(Constants.IMPORT_PACKAGE));
        for (Map.Entry<String, Attrs> e : imports.entrySet()) {
            if ("optional".equals(e.getValue().get(Constants.RESOLUTION_DIRECTIVE + ":"))) {
                continue;
            }
            String pkg = e.getKey().replace("~", "");
            String range = e.getValue().getVersion();
            VersionRange wanted = range == null ? null : new VersionRange(range);
            List<Exporter> exporters = framework.exporters(pkg);
            boolean inBatch = batch.exporter(pkg) != null && (wanted == null || wanted.includes(Version.parseVersion(batch.exporter(pkg).version())));
            boolean inFramework = exporters.stream().anyMatch(x -> wanted == null || wanted.includes(x.version()));
            if (!inBatch && !inFramework) {
                problems.add(missingImport(pkg, wanted, exporters, origins));
            }
        }
        Parameters requirements = OSGiHeader.parseHeader(main.getValue(Constants.REQUIRE_CAPABILITY));
        for (Map.Entry<String, Attrs> e : requirements.entrySet()) {
            Attrs a = e.getValue();
            String effective = a.get(Constants.EFFECTIVE_DIRECTIVE + ":");
            if ("optional".equals(a.get(Constants.RESOLUTION_DIRECTIVE + ":")) || (effective != null && !"resolve".equals(effective))) {
                continue;
            }
            String namespace = e.getKey().replace("~", "");
            String filter = a.get(Constants.FILTER_DIRECTIVE + ":");
            if (!satisfied(context, namespace, filter)) {
                problems.add(Diagnostic.of(Severity.ERROR, origins.bnd().present() ? PluginLayout.BND_FILE : "",
                    "requirement " + namespace + (filter == null ? "" : " " + filter)
                        + " is not satisfied by any bundle in the running framework"));
            }
        }
        return problems;
    }

    private static Diagnostic missingImport(String pkg, VersionRange wanted, List<Exporter> exporters, Origins origins) {
        SortedSet<String> classes = origins.referrers().get(pkg);
        String what = "package " + pkg + (wanted == null ? "" : " " + wanted);
        String who;
        String file;
        int line = 0;
        int column = 0;
        String lineText = "";
        if (classes != null && !classes.isEmpty()) {
            who = " is needed by " + classes.first() + (classes.size() > 1 ? " (and " + (classes.size() - 1) + " more)" : "");
            file = origins.sourceOf().getOrDefault(classes.first(), "");
        } else {
            who = " is imported by Import-Package in bnd.bnd";
            file = origins.bnd().present() ? PluginLayout.BND_FILE : "";
            line = origins.bnd().lineOf(Constants.IMPORT_PACKAGE);
            if (line > 0) {
                column = origins.bnd().columnOf(line, pkg);
                lineText = origins.bnd().lineText(line);
            }
        }
        String why = exporters.isEmpty() ? ", but no bundle in the running framework exports it"
            : ", but the running framework exports it only at "
                + exporters.stream().map(Exporter::describe).distinct().collect(Collectors.joining(", "));
        return new Diagnostic(Severity.ERROR, file, line, column, what + who + why, lineText);
    }

    private static boolean satisfied(BundleContext context, String namespace, String filterText) {
        Filter filter;
        try {
            filter = filterText == null ? null : FrameworkUtil.createFilter(filterText);
        } catch (InvalidSyntaxException e) {
            return false;
        }
        for (Bundle b : context.getBundles()) {
            BundleWiring w = b.adapt(BundleWiring.class);
            if (w == null || !w.isCurrent()) {
                continue;
            }
            for (BundleCapability c : w.getCapabilities(namespace)) {
                if (filter == null || filter.matches(c.getAttributes())) {
                    return true;
                }
            }
        }
        return false;
    }
}
