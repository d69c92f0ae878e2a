package dev.graft.test.it.compiler;

import static dev.graft.test.it.compiler.Plugins.describe;
import static dev.graft.test.it.compiler.Plugins.plugin;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.compiler.Build;
import dev.graft.compiler.CompileOptions;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.ImportPolicy;
import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.SourcePlugin;

/** The import policy holds in the name environment and on the manifest. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ImportPolicyIT {

    @InjectService
    PluginCompiler compiler;

    private Build compile(SourcePlugin plugin, String rules) {
        CompileOptions options = compiler.defaultOptions().withImportPolicy(ImportPolicy.parse(rules, "test.policy"));
        return compiler.compile(plugin, options, List.of());
    }

    private static void assertError(Build build, String expected) {
        assertFalse(build.succeeded(), describe(build.diagnostics()));
        assertTrue(build.diagnostics().stream().map(Diagnostic::toString).anyMatch(d -> d.equals(expected)),
            "expected " + expected + describe(build.diagnostics()));
    }

    @Test
    void sourceThatImportsAnInternalOfBndlibIsRefusedByTheDefaults() {
        Build build = compile(plugin("uses.bnd", "src/com/acme/A.java",
            "package com.acme;\n\nimport aQute.bnd.osgi.Builder;\n\npublic class A {\n    Builder b;\n}\n"), "");
        assertError(build, "src/com/acme/A.java:3:8: error: importing package aQute.bnd.osgi is denied by the site's import policy"
            + " (deny aQute.bnd.osgi.*)");
    }

    @Test
    void siteRuleDeniesAPackageAnInstalledBundleExports() {
        Build build = compile(plugin("uses.cm", "src/com/acme/A.java",
            "package com.acme;\n\nimport org.osgi.service.cm.ConfigurationAdmin;\n\npublic class A {\n    ConfigurationAdmin cm;\n}\n"),
            "deny org.osgi.service.cm.*");
        assertError(build, "src/com/acme/A.java:3:8: error: importing package org.osgi.service.cm is denied by the site's import"
            + " policy (deny org.osgi.service.cm.*)");
    }

    @Test
    void siteRuleAllowsWhatTheDefaultsDeny() {
        Build build = compile(plugin("uses.bnd.allowed", "src/com/acme/A.java",
            "package com.acme;\n\nimport aQute.bnd.osgi.Builder;\n\npublic class A {\n    Builder b;\n}\n"), "allow aQute.bnd.osgi");
        assertTrue(build.succeeded(), describe(build.diagnostics()));
    }

    @Test
    void dynamicImportOfEverythingIsRefused() {
        Build build = compile(plugin("dynamic.all", "bnd.bnd", "DynamicImport-Package: *\n", "src/com/acme/A.java", Plugins.hello("A")), "");
        assertError(build, "bnd.bnd:1:24: error: DynamicImport-Package * can reach packages the import policy denies"
            + " (deny dev.graft.*.internal)");
    }

    @Test
    void requireBundleOfABundleThatExportsADeniedPackageIsRefused() {
        Build build = compile(plugin("require.bndlib", "bnd.bnd", "Require-Bundle: biz.aQute.bndlib\n", "src/com/acme/A.java",
            Plugins.hello("A")), "");
        assertFalse(build.succeeded(), describe(build.diagnostics()));
        assertTrue(build.diagnostics().stream().map(Diagnostic::toString)
            .anyMatch(d -> d.startsWith("bnd.bnd:1:17: error: Require-Bundle biz.aQute.bndlib would import package aQute.")),
            describe(build.diagnostics()));
    }

    @Test
    void explicitImportPackageOfADeniedPackageIsRefused() {
        Build build = compile(plugin("explicit.import", "bnd.bnd", "Import-Package: org.osgi.service.cm;resolution:=optional, *\n",
            "src/com/acme/A.java", Plugins.hello("A")), "deny org.osgi.service.cm");
        assertError(build, "bnd.bnd:1:17: error: importing package org.osgi.service.cm is denied by the site's import policy"
            + " (deny org.osgi.service.cm)");
    }
}
