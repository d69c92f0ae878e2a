package dev.graft.test.it.compiler;

import static dev.graft.test.GraftAssertions.assertThat;
import static dev.graft.test.it.compiler.Plugins.describe;
import static dev.graft.test.it.compiler.Plugins.onlyError;
import static dev.graft.test.it.compiler.Plugins.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.compiler.Build;
import dev.graft.compiler.Diagnostic.Severity;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.SourceException;
import dev.graft.compiler.SourcePlugin;
import dev.graft.test.it.FixedBuild;

/** Every bad input is one clear diagnostic at its exact position, and no bundle. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class BadInputIT {

    private static final int FILE_LIMIT = 4 * 1024 * 1024;

    @InjectService
    PluginCompiler compiler;

    private static void assertDiagnostic(String expected, String sourceLine, Diagnostic actual) {
        assertEquals(expected, actual.toString());
        assertEquals(sourceLine, actual.sourceLine());
    }

    @Test
    void syntaxErrorIsReportedAtItsFileLineAndColumn() {
        Build build = compiler.compile(plugin("bad.syntax", "src/com/acme/A.java",
            "package com.acme;\n\npublic class A {\n    void f() {\n        int x = 1\n    }\n}\n"));
        assertDiagnostic("src/com/acme/A.java:5:17: error: Syntax error, insert \";\" to complete BlockStatements",
            "        int x = 1", onlyError(build));
    }

    @Test
    void unknownImportIsReportedAtTheImport() {
        Build build = compiler.compile(plugin("bad.import", "src/com/acme/A.java",
            "package com.acme;\n\nimport java.util.Nope;\n\npublic class A {\n}\n"));
        assertDiagnostic("src/com/acme/A.java:3:8: error: The import java.util.Nope cannot be resolved", "import java.util.Nope;",
            onlyError(build));
    }

    @Test
    void packageThatNoBundleExportsIsNamed() {
        Build build = compiler.compile(plugin("bad.private", "src/com/acme/A.java",
            "package com.acme;\n\nimport org.apache.felix.scr.impl.Activator;\n\npublic class A {\n}\n"));
        assertDiagnostic("src/com/acme/A.java:3:8: error: The import org.apache.felix.scr.impl cannot be resolved: "
            + "no bundle in the running framework exports package org.apache.felix.scr.impl",
            "import org.apache.felix.scr.impl.Activator;", onlyError(build));
    }

    @Test
    void pluginWithoutJavaFilesHasNoSources() {
        Build build = compiler.compile(plugin("bad.empty", "bnd.bnd", "Bundle-Version: 1.0.0\n", "resources/a.txt", "a"));
        assertDiagnostic("<plugin>: error: no sources: the plugin has no .java files (under src/, or in the plugin folder when it has no src/)",
            "", onlyError(build));
    }

    @Test
    void malformedUtf8IsReportedWithItsByteOffset() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("package com.acme;\n\npublic class A {\n    String s = \"caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3);
        bytes.write(0x28);
        bytes.writeBytes("\";\n}\n".getBytes(StandardCharsets.UTF_8));
        Build build = compiler.compile(SourcePlugin.of("bad.utf8", Map.of("src/com/acme/A.java", bytes.toByteArray())));
        Diagnostic error = onlyError(build);
        assertEquals("src/com/acme/A.java:4:20: error: malformed UTF-8: byte 0xC3 at byte offset 55 is not valid UTF-8", error.toString());
    }

    @Test
    void byteOrderMarkIsAccepted() {
        byte[] text = Plugins.hello("A").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Build build = compiler.compile(SourcePlugin.of("good.bom", Map.of("src/com/acme/A.java", withBom)));
        assertThat(build).hasNoErrors();
    }

    @Test
    void duplicateClassInTwoFilesIsReportedWhereItIsDefinedAgain() {
        Build build = compiler.compile(plugin("bad.duplicate",
            "src/com/acme/A.java", "package com.acme;\n\npublic class A {\n}\n",
            "src/com/acme/B.java", "package com.acme;\n\nclass B {\n}\n\nclass A {\n}\n"));
        assertDiagnostic("src/com/acme/B.java:6:7: error: The type A is already defined", "class A {", onlyError(build));
    }

    @Test
    void classInTheDefaultPackageIsAnError() {
        Build build = compiler.compile(plugin("bad.default", "src/A.java", "public class A {\n}\n"));
        assertDiagnostic("src/A.java:1:14: error: type A is in the default package; a bundle can neither export nor import it: "
            + "add a package declaration", "public class A {", onlyError(build));
    }

    @Test
    void publicClassInAFileOfAnotherNameIsAnError() {
        Build build = compiler.compile(plugin("bad.filename", "src/com/acme/A.java", "package com.acme;\n\npublic class B {\n}\n"));
        assertDiagnostic("src/com/acme/A.java:3:14: error: The public type B must be defined in its own file", "public class B {",
            onlyError(build));
    }

    @Test
    void componentReferenceToAMissingTypeIsAnError() {
        Build build = compiler.compile(plugin("bad.reference", "src/com/acme/A.java",
            "package com.acme;\n\nimport org.osgi.service.component.annotations.*;\n\n@Component\npublic class A {\n    @Reference\n    Nope nope;\n}\n"));
        assertDiagnostic("src/com/acme/A.java:8:5: error: Nope cannot be resolved to a type", "    Nope nope;", onlyError(build));
    }

    @Test
    void exportOfAPackageAnInstalledBundleExportsIsAWarning() {
        Build build = compiler.compile(plugin("warn.export", "bnd.bnd", "Export-Package: org.osgi.service.cm\n",
            "src/org/osgi/service/cm/Extra.java", "package org.osgi.service.cm;\n\npublic class Extra {\n}\n"));
        assertThat(build).hasNoErrors();
        List<Diagnostic> warnings = build.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).toList();
        assertEquals(1, warnings.size(), () -> describe(build.diagnostics()));
        assertDiagnostic("bnd.bnd:1:17: warning: package org.osgi.service.cm is already exported by org.apache.felix.configadmin 1.9.26 "
            + "(package version 1.6.0); bundles that import it may be wired to either", "Export-Package: org.osgi.service.cm",
            warnings.get(0));
    }

    @Test
    void invalidNameIsRefusedBeforeAnythingIsRead() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SourcePlugin.of("../evil", Map.of()));
        assertEquals("invalid plugin name '../evil': a name is 1 to 64 characters of letters, digits, '_', '.' or '-' "
            + "and does not start with '.' or '-'", e.getMessage());
    }

    @Test
    void pathTraversalInAFilePathIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> SourcePlugin.of("ok", Map.of("src/../../x.java", new byte[0])));
        assertEquals("invalid file path 'src/../../x.java': it must stay inside the plugin folder", e.getMessage());
    }

    @Test
    void pathTraversalInTheSymbolicNameOfBndBndIsRefused(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("plugin"));
        Files.writeString(folder.resolve("bnd.bnd"), "Bundle-SymbolicName: ../../etc\n");
        Files.createDirectories(folder.resolve("src/com/acme"));
        Files.writeString(folder.resolve("src/com/acme/A.java"), Plugins.hello("A"));
        SourceException e = assertThrows(SourceException.class, () -> compiler.read(folder));
        assertEquals("bnd.bnd:1:22: error: invalid plugin name '../../etc': a name is 1 to 64 characters of letters, digits, '_', "
            + "'.' or '-' and does not start with '.' or '-'", e.diagnostic().toString());
    }

    @Test
    void fileOverTheSizeLimitIsRefusedInMemory() {
        Build build = compiler.compile(SourcePlugin.of("bad.big", Map.of("src/com/acme/A.java",
            Plugins.hello("A").getBytes(StandardCharsets.UTF_8), "resources/big.bin", new byte[FILE_LIMIT + 1])));
        assertDiagnostic("resources/big.bin: error: the file is 4194305 bytes, over the limit of 4194304 bytes per file (maxFileBytes)",
            "", onlyError(build));
    }

    @Test
    void fileOverTheSizeLimitIsRefusedBeforeReadingTheFolder(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("big"));
        Files.createDirectories(folder.resolve("src/com/acme"));
        Files.writeString(folder.resolve("src/com/acme/A.java"), Plugins.hello("A"));
        Files.createDirectories(folder.resolve("resources"));
        try (RandomAccessFile sparse = new RandomAccessFile(folder.resolve("resources/big.bin").toFile(), "rw")) {
            sparse.setLength(FILE_LIMIT + 1L);
        }
        SourceException e = assertThrows(SourceException.class, () -> compiler.read(folder));
        assertEquals("resources/big.bin: error: the file is 4194305 bytes, over the limit of 4194304 bytes per file (maxFileBytes)",
            e.diagnostic().toString());
    }

    @Test
    void exceptionInsideEcjBecomesAnErrorDiagnostic() {
        Build build = compiler.compile(consumerOfBoom("bad.ice"), compiler.defaultOptions(),
            List.of(explodingBuild(new IllegalStateException("injected failure"))));
        Diagnostic error = build.errors().stream().filter(d -> d.message().startsWith("internal compiler error in ECJ")).findFirst()
            .orElseThrow(() -> new AssertionError(describe(build.diagnostics())));
        assertEquals("<plugin>: error: internal compiler error in ECJ: java.lang.IllegalStateException: injected failure", error.toString());
        assertFalse(build.bundle().isPresent());
        assertTrue(compiler.compile(plugin("good.after.ice", "src/com/acme/A.java", Plugins.hello("A"))).succeeded(),
            "the compiler still works");
    }

    @Test
    void stackOverflowInsideEcjBecomesAnErrorDiagnostic() {
        Build build = compiler.compile(consumerOfBoom("bad.soe"), compiler.defaultOptions(),
            List.of(explodingBuild(new StackOverflowError("injected"))));
        assertTrue(build.errors().stream().anyMatch(d -> d.toString()
            .equals("<plugin>: error: internal compiler error in ECJ: java.lang.StackOverflowError: injected")), () -> describe(build.diagnostics()));
        assertFalse(build.bundle().isPresent());
    }

    private static SourcePlugin consumerOfBoom(String name) {
        return plugin(name, "src/com/acme/A.java", "package com.acme;\n\nimport boom.Bomb;\n\npublic class A {\n    Bomb bomb;\n}\n");
    }

    /** A batch build that exports package {@code boom} and throws when ECJ asks for its classes. */
    private static FixedBuild explodingBuild(Throwable failure) {
        return FixedBuild.exporting("boom", () -> {
            if (failure instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure;
        });
    }
}
