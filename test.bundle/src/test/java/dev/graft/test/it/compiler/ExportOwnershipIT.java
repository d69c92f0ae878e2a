package dev.graft.test.it.compiler;

import static dev.graft.test.it.compiler.Plugins.describe;
import static dev.graft.test.it.compiler.Plugins.plugin;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.compiler.Build;
import dev.graft.compiler.CheckResult;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.SourcePlugin;

/** A plugin cannot export what is not its own; the refusal names the plugin, the package and its owner. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ExportOwnershipIT {

    @InjectService
    PluginCompiler compiler;

    @InjectBundleContext
    BundleContext context;

    private Bundle installed;

    @AfterEach
    void uninstall() throws Exception {
        if (installed != null) {
            installed.uninstall();
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(installed));
        }
    }

    private static SourcePlugin exporting(String name, String pkg, String version) {
        return plugin(name, "bnd.bnd", "Export-Package: " + pkg + ";version=" + version + "\n",
            "src/" + pkg.replace('.', '/') + "/Extra.java", "package " + pkg + ";\n\npublic class Extra {\n}\n");
    }

    private void assertRefused(SourcePlugin plugin, List<Build> batch, String expected) {
        Build build = compiler.compile(plugin, compiler.defaultOptions(), batch);
        CheckResult check = compiler.check(plugin, batch);
        assertFalse(build.succeeded(), describe(build.diagnostics()));
        for (List<Diagnostic> diagnostics : List.of(build.diagnostics(), check.diagnostics())) {
            assertTrue(diagnostics.stream().map(Diagnostic::toString).anyMatch(d -> d.startsWith(expected)),
                "expected " + expected + describe(diagnostics));
        }
    }

    @Test
    void exportOfAPackageOfTheSystemBundleIsRefused() {
        assertRefused(exporting("hijack.framework", "org.osgi.framework", "1.99"), List.of(),
            "bnd.bnd:1:17: error: plugin hijack.framework cannot export package org.osgi.framework: it belongs to the system bundle (");
    }

    @Test
    void exportOfAGraftPackageIsRefused() {
        assertRefused(exporting("hijack.graft", "dev.graft.compiler", "1.0"), List.of(),
            "bnd.bnd:1:17: error: plugin hijack.graft cannot export package dev.graft.compiler: it belongs to Graft");
    }

    @Test
    void exportOfAJavaPackageIsRefused() {
        SourcePlugin plugin = plugin("hijack.java", "bnd.bnd", "Export-Package: java.acme\n", "src/com/acme/A.java", Plugins.hello("A"),
            "resources/java/acme/data.txt", "x\n");
        assertRefused(plugin, List.of(), "bnd.bnd:1:17: error: plugin hijack.java cannot export package java.acme: it belongs to the Java runtime");
    }

    @Test
    void exportOfAPackageASiblingPluginExportsAtAnOverlappingVersionIsRefused() {
        Build first = compiler.compile(exporting("first.owner", "com.shared", "1.0"));
        assertTrue(first.succeeded(), describe(first.diagnostics()));
        assertRefused(exporting("second.taker", "com.shared", "1.2"), List.of(first),
            "bnd.bnd:1:17: error: plugin second.taker cannot export package com.shared: it belongs to plugin first.owner (package version 1.0");
    }

    @Test
    void exportOfAPackageAnInstalledPluginExportsAtAnOverlappingVersionIsRefused() throws Exception {
        Build owner = compiler.compile(exporting("installed.owner", "com.installed", "1.0"));
        installed = context.installBundle("graft-test:installed.owner", new ByteArrayInputStream(owner.bundle().orElseThrow()));
        assertTrue(context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(installed)), "the owner resolves");
        assertRefused(exporting("installed.taker", "com.installed", "1.1"), List.of(),
            "bnd.bnd:1:17: error: plugin installed.taker cannot export package com.installed: it belongs to plugin installed.owner 0.0.0"
                + " (package version 1.0.0), which exports it at an overlapping version");
    }

    @Test
    void exportOfAPackageASiblingPluginExportsAtAnotherMajorVersionIsAllowed() {
        Build first = compiler.compile(exporting("first.major", "com.majors", "1.0"));
        Build second = compiler.compile(exporting("second.major", "com.majors", "2.0"), compiler.defaultOptions(), List.of(first));
        assertTrue(second.succeeded(), describe(second.diagnostics()));
    }
}
