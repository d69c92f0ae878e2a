package dev.graft.test.it.compiler;

import static dev.graft.test.GraftAssertions.assertThat;
import static dev.graft.test.it.compiler.Plugins.describe;
import static dev.graft.test.it.compiler.Plugins.plugin;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.compiler.Build;
import dev.graft.compiler.CheckResult;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.SourcePlugin;

/** check, compileTo and read. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class CheckAndWriteIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService
    PluginCompiler compiler;

    @Test
    void checkOfAGoodPluginIsResolvableAndInstallsNothing() {
        int bundles = context.getBundles().length;
        CheckResult result = compiler.check(plugin("check.good", "src/com/acme/Act.java", String.format(CompileIT.ACTIVATOR, "Act")), List.of());
        assertTrue(result.ok(), () -> describe(result.diagnostics()));
        assertTrue(result.resolvable());
        assertEquals("check.good", result.name());
        assertEquals(bundles, context.getBundles().length);
    }

    @Test
    void checkNamesThePackageAndTheClassOfAnImportOutsideTheExportedVersions() {
        CheckResult result = compiler.check(plugin("check.range", "bnd.bnd", "Import-Package: org.osgi.framework;version=\"[9,10)\", *\n",
            "src/com/acme/Act.java", String.format(CompileIT.ACTIVATOR, "Act")), List.of());
        assertFalse(result.resolvable());
        assertEquals(List.of("src/com/acme/Act.java: error: package org.osgi.framework [9.0.0,10.0.0) is needed by com.acme.Act, "
            + "but the running framework exports it only at org.apache.felix.framework 7.0.5 (package version 1.10.0)"),
            result.diagnostics().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void checkNamesAnImportThatNoBundleExports() {
        CheckResult result = compiler.check(plugin("check.nowhere", "bnd.bnd", "Import-Package: com.nowhere, *\n",
            "src/com/acme/Hello.java", Plugins.hello("Hello")), List.of());
        assertFalse(result.resolvable());
        assertTrue(result.diagnostics().stream().map(Diagnostic::toString).anyMatch(d -> d.equals(
            "bnd.bnd:1:17: error: package com.nowhere is imported by Import-Package in bnd.bnd, but no bundle in the running framework exports it")),
            () -> describe(result.diagnostics()));
    }

    @Test
    void checkOfAPluginThatDoesNotCompileIsNotResolvable() {
        CheckResult result = compiler.check(plugin("check.broken", "src/com/acme/A.java", "package com.acme;\nclass A { int x = ; }\n"), List.of());
        assertFalse(result.resolvable());
        assertFalse(result.ok());
        assertTrue(result.diagnostics().stream().anyMatch(Diagnostic::isError));
    }

    @Test
    void checkCountsTheOtherBuildsOfTheBatch() {
        Build api = compiler.compile(plugin("check.api", "bnd.bnd", "Export-Package: com.acme.api;version=1.0.0\n",
            "src/com/acme/api/Api.java", "package com.acme.api;\n\npublic interface Api {\n}\n"));
        CheckResult result = compiler.check(plugin("check.consumer", "src/com/acme/impl/Impl.java",
            "package com.acme.impl;\n\npublic class Impl implements com.acme.api.Api {\n}\n"), List.of(api));
        assertTrue(result.ok(), () -> describe(result.diagnostics()));
    }

    @Test
    void compileToWritesTheBundleAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out/hello.jar");
        Build build = compiler.compileTo(plugin("write.ok", "src/com/acme/Hello.java", Plugins.hello("Hello")), target);
        assertThat(build).hasNoErrors();
        assertArrayEquals(build.bundle().orElseThrow(), Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void compileToOfABrokenPluginWritesNothingAndKeepsTheOldFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("hello.jar");
        Files.writeString(target, "old");
        Build build = compiler.compileTo(plugin("write.broken", "src/com/acme/A.java", "package com.acme;\nclass A { int x = ; }\n"), target);
        assertFalse(build.succeeded());
        assertEquals("old", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void readTakesTheNameFromBndBndAndReadsSourcesAndResources(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder-name"));
        Files.writeString(folder.resolve("bnd.bnd"), "Bundle-SymbolicName: read.named;singleton:=true\n");
        Files.createDirectories(folder.resolve("src/com/acme"));
        Files.writeString(folder.resolve("src/com/acme/Hello.java"), Plugins.hello("Hello"));
        Files.createDirectories(folder.resolve("resources"));
        Files.writeString(folder.resolve("resources/a.txt"), "a");
        Files.createDirectories(folder.resolve(".git"));
        Files.writeString(folder.resolve(".git/HEAD"), "ignored");
        SourcePlugin plugin = compiler.read(folder);
        assertEquals("read.named", plugin.name());
        assertEquals(List.of("bnd.bnd", "resources/a.txt", "src/com/acme/Hello.java"), List.copyOf(plugin.files().keySet()));
        assertArrayEquals("a".getBytes(StandardCharsets.UTF_8), plugin.files().get("resources/a.txt"));
        Build build = compiler.compile(plugin);
        assertThat(build).hasNoErrors();
        assertEquals("read.named", build.summary().orElseThrow().symbolicName());
    }

    @Test
    void readTakesTheFolderNameWhenThereIsNoBndBnd(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("read.folder"));
        Files.createDirectories(folder.resolve("com/acme"));
        Files.writeString(folder.resolve("com/acme/Hello.java"), Plugins.hello("Hello"));
        SourcePlugin plugin = compiler.read(folder);
        assertEquals("read.folder", plugin.name());
        assertTrue(compiler.compile(plugin).succeeded());
    }

    @Test
    void symbolicNameInBndBndThatDiffersFromThePluginNameIsAnError() {
        Build build = compiler.compile(plugin("read.one", "bnd.bnd", "Bundle-SymbolicName: read.other\n", "src/com/acme/Hello.java",
            Plugins.hello("Hello")));
        assertEquals("bnd.bnd:1:22: error: Bundle-SymbolicName read.other differs from the plugin's name read.one",
            Plugins.onlyError(build).toString());
    }
}
