package dev.graft.compiler.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

import aQute.bnd.header.OSGiHeader;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.Diagnostic.Severity;
import dev.graft.compiler.ImportPolicy;

/**
 * Holds a plugin to its site's import policy: the packages its sources asked for, and its
 * bundle's manifest ({@code Import-Package}, {@code DynamicImport-Package} wildcards that could
 * reach a denied package, and {@code Require-Bundle} of a bundle that exports one).
 */
final class ImportPolicyCheck {

    private ImportPolicyCheck() {
    }

    /**
     * @param denied the packages the compiler was asked for that the policy denies, with the rule
     * @param sources the plugin's sources
     * @return an error for each, at the first line of a source that names the package
     */
    static List<Diagnostic> sources(Map<String, String> denied, List<SourceFile> sources) {
        List<Diagnostic> errors = new ArrayList<>();
        denied.forEach((pkg, rule) -> errors.add(inSources(message(pkg, rule), pkg, sources)));
        return errors;
    }

    /**
     * @param manifest the bundle's manifest
     * @param policy the site's import policy
     * @param context a bundle context, to find the bundles named by Require-Bundle
     * @param bnd the plugin's bnd.bnd, for positions
     * @return an error for each import the policy denies
     */
    static List<Diagnostic> manifest(Manifest manifest, ImportPolicy policy, BundleContext context, PluginBnd bnd) {
        List<Diagnostic> errors = new ArrayList<>();
        if (manifest == null) {
            return errors;
        }
        for (String pkg : clauses(manifest, Constants.IMPORT_PACKAGE)) {
            policy.denies(pkg).ifPresent(rule -> errors.add(inBnd(Constants.IMPORT_PACKAGE, pkg, message(pkg, rule), bnd)));
        }
        for (String pattern : clauses(manifest, Constants.DYNAMICIMPORT_PACKAGE)) {
            Optional<String> rule = pattern.endsWith("*") ? policy.deniesSomeStartingWith(pattern.substring(0, pattern.length() - 1))
                : policy.denies(pattern);
            rule.ifPresent(r -> errors.add(inBnd(Constants.DYNAMICIMPORT_PACKAGE, pattern, "DynamicImport-Package " + pattern
                + " can reach packages the import policy denies (" + r + ")", bnd)));
        }
        for (String required : clauses(manifest, Constants.REQUIRE_BUNDLE)) {
            for (Bundle b : context.getBundles()) {
                if (!required.equals(b.getSymbolicName())) {
                    continue;
                }
                for (String pkg : OSGiHeader.parseHeader(b.getHeaders("").get(Constants.EXPORT_PACKAGE)).keySet()) {
                    policy.denies(pkg).ifPresent(rule -> errors.add(inBnd(Constants.REQUIRE_BUNDLE, required, "Require-Bundle " + required
                        + " would import package " + pkg + ", which the import policy denies (" + rule + ")", bnd)));
                }
            }
        }
        return errors;
    }

    private static List<String> clauses(Manifest manifest, String header) {
        return OSGiHeader.parseHeader(manifest.getMainAttributes().getValue(header)).keySet().stream().map(k -> k.replace("~", "")).toList();
    }

    private static String message(String pkg, String rule) {
        return "importing package " + pkg + " is denied by the site's import policy (" + rule + ")";
    }

    private static Diagnostic inBnd(String header, String needle, String message, PluginBnd bnd) {
        int line = bnd.lineOf(header);
        return line == 0 ? Diagnostic.of(Severity.ERROR, bnd.present() ? bnd.file() : "", message)
            : new Diagnostic(Severity.ERROR, bnd.file(), line, bnd.columnOf(line, needle), message, bnd.lineText(line));
    }

    private static Diagnostic inSources(String message, String pkg, List<SourceFile> sources) {
        for (SourceFile s : sources) {
            for (int l = 1; l <= s.lines().lineCount(); l++) {
                String text = s.lines().lineText(l);
                int col = text.indexOf(pkg + ".");
                if (col >= 0) {
                    return new Diagnostic(Severity.ERROR, s.path(), l, col + 1, message, text);
                }
            }
        }
        return Diagnostic.of(Severity.ERROR, "", message);
    }
}
