package dev.graft.test.it.compiler;

import static dev.graft.test.GraftAssertions.assertThat;
import static dev.graft.test.it.compiler.Plugins.entries;
import static dev.graft.test.it.compiler.Plugins.header;
import static dev.graft.test.it.compiler.Plugins.plugin;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.compiler.Build;
import dev.graft.compiler.BundleSummary;
import dev.graft.compiler.CompileOptions;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.HostFingerprint;
import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.ProvenanceHeaders;
import dev.graft.compiler.SourcePlugin;
import dev.graft.compiler.WiredPackage;

/** compile: sources in, a bundle with the right manifest out. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class CompileIT {

    static final String ACTIVATOR = "package com.acme;\n\nimport org.osgi.framework.BundleActivator;\nimport org.osgi.framework.BundleContext;\n\n"
        + "public class %s implements BundleActivator {\n    public void start(BundleContext c) {\n    }\n\n"
        + "    public void stop(BundleContext c) {\n    }\n}\n";

    @InjectBundleContext
    BundleContext context;

    @InjectService
    PluginCompiler compiler;

    private Build succeeded(SourcePlugin plugin) {
        Build build = compiler.compile(plugin);
        assertThat(build).hasNoErrors();
        return build;
    }

    @Test
    void cleanPluginBuildsABundleNamedForThePluginWithNoDiagnostics() {
        Build build = succeeded(plugin("ok.hello", "src/com/acme/Hello.java", Plugins.hello("Hello")));
        assertEquals(List.of(), build.diagnostics());
        BundleSummary s = build.summary().orElseThrow();
        assertEquals("ok.hello", s.symbolicName());
        assertEquals("0.0.0", s.version());
        assertEquals(List.of(), s.exports());
        assertEquals("com.acme", header(build, "Private-Package"));
        assertTrue(entries(build).containsKey("com/acme/Hello.class"));
    }

    @Test
    void provenanceHeadersSayWhereTheBundleCameFrom() {
        SourcePlugin plugin = plugin("ok.provenance", "src/com/acme/Hello.java", Plugins.hello("Hello"));
        Build build = succeeded(plugin);
        HostFingerprint host = compiler.hostFingerprint();
        assertEquals(plugin.digest(), build.sourceDigest());
        assertEquals(plugin.digest(), header(build, ProvenanceHeaders.SOURCE_DIGEST));
        assertEquals(host.canonical(), header(build, ProvenanceHeaders.HOST_FINGERPRINT));
        assertEquals(host.ecj(), header(build, ProvenanceHeaders.ECJ_VERSION));
        assertEquals(host.bnd(), header(build, ProvenanceHeaders.BND_VERSION));
        assertEquals(compiler.defaultOptions().canonical(), header(build, ProvenanceHeaders.COMPILE_OPTIONS));
        assertEquals(versionOf(HostFingerprint.ECJ_BSN), host.ecj());
        assertEquals(versionOf(HostFingerprint.BNDLIB_BSN), host.bnd());
        assertEquals(Runtime.version().toString(), host.java());
    }

    private String versionOf(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
            .orElseThrow(() -> new AssertionError(symbolicName + " is not installed")).getVersion().toString();
    }

    @Test
    void sameSourcesGiveByteIdenticalBundles() {
        SourcePlugin plugin = plugin("ok.reproducible", "src/com/acme/Hello.java", Plugins.hello("Hello"));
        assertArrayEquals(succeeded(plugin).bundle().orElseThrow(), succeeded(plugin).bundle().orElseThrow());
    }

    @Test
    void importsCarryVersionRangesFromTheExportersVersions() {
        Build build = succeeded(plugin("ok.imports", "src/com/acme/Act.java", String.format(ACTIVATOR, "Act")));
        assertTrue(build.summary().orElseThrow().imports().contains("org.osgi.framework;version=\"[1.10,2)\""),
            () -> build.summary().orElseThrow().imports().toString());
    }

    @Test
    void compiledAgainstNamesTheExporterOfEveryImport() {
        Build build = succeeded(plugin("ok.wiring", "src/com/acme/Act.java", String.format(ACTIVATOR, "Act")));
        WiredPackage framework = build.compiledAgainst().stream().filter(w -> w.packageName().equals("org.osgi.framework"))
            .findFirst().orElseThrow(() -> new AssertionError(build.compiledAgainst()));
        Bundle system = context.getBundle(0);
        assertEquals(system.getSymbolicName(), framework.exporter());
        assertEquals(system.getVersion().toString(), framework.exporterVersion());
        assertEquals(compiler.exporterOf("org.osgi.framework").orElseThrow(), framework, "the cache's check sees what the build recorded");
        assertEquals(build.summary().orElseThrow().imports().size(), build.compiledAgainst().size());
    }

    @Test
    void singleActivatorIsDetected() {
        Build build = succeeded(plugin("ok.activator", "src/com/acme/Act.java", String.format(ACTIVATOR, "Act"),
            "src/com/acme/Other.java", "package com.acme;\n\npublic class Other {\n}\n"));
        assertEquals("com.acme.Act", build.summary().orElseThrow().activator());
    }

    @Test
    void declaredActivatorWinsOverDetection() {
        Build build = succeeded(plugin("ok.declared", "bnd.bnd", "Bundle-Activator: com.acme.Second\n",
            "src/com/acme/First.java", String.format(ACTIVATOR, "First"), "src/com/acme/Second.java", String.format(ACTIVATOR, "Second")));
        assertEquals("com.acme.Second", build.summary().orElseThrow().activator());
        assertEquals(List.of(), build.diagnostics());
    }

    @Test
    void twoUndeclaredActivatorsAreAWarningAndNoneIsUsed() {
        Build build = succeeded(plugin("ok.two", "src/com/acme/First.java", String.format(ACTIVATOR, "First"),
            "src/com/acme/Second.java", String.format(ACTIVATOR, "Second")));
        assertEquals("", build.summary().orElseThrow().activator());
        assertEquals(List.of("<plugin>: warning: several classes implement BundleActivator (com.acme.First, com.acme.Second); "
            + "none is used: declare the one to use with Bundle-Activator in bnd.bnd"),
            build.diagnostics().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void exportPackageOfBndBndIsExportedAndTheRestStaysPrivate() {
        Build build = succeeded(plugin("ok.export", "bnd.bnd", "Bundle-Version: 1.2.3\nExport-Package: com.acme.api;version=2.1.0\n",
            "src/com/acme/api/Api.java", "package com.acme.api;\n\npublic interface Api {\n}\n",
            "src/com/acme/impl/Impl.java", "package com.acme.impl;\n\npublic class Impl implements com.acme.api.Api {\n}\n"));
        BundleSummary s = build.summary().orElseThrow();
        assertEquals("1.2.3", s.version());
        assertEquals(List.of("com.acme.api;version=\"2.1.0\""), s.exports());
        assertEquals("com.acme.impl", header(build, "Private-Package"));
    }

    @Test
    void exportAnnotationOnPackageInfoExportsThePackage() {
        Build build = succeeded(plugin("ok.annotated",
            "src/com/acme/api/package-info.java", "@org.osgi.annotation.bundle.Export\n@org.osgi.annotation.versioning.Version(\"1.4.0\")\npackage com.acme.api;\n",
            "src/com/acme/api/Api.java", "package com.acme.api;\n\npublic interface Api {\n}\n"));
        assertEquals(List.of("com.acme.api;version=\"1.4.0\""), build.summary().orElseThrow().exports());
    }

    @Test
    void componentAndMetatypeDescriptorsAreGenerated() {
        Build build = succeeded(plugin("ok.component", "src/com/acme/Greeter.java",
            "package com.acme;\n\nimport org.osgi.service.component.annotations.*;\nimport org.osgi.service.metatype.annotations.*;\n\n"
                + "@Component(configurationPid = \"com.acme.greeter\")\n@Designate(ocd = Greeter.Config.class)\n"
                + "public class Greeter implements Runnable {\n"
                + "    @ObjectClassDefinition(id = \"com.acme.greeter\")\n    public @interface Config {\n        String greeting() default \"hi\";\n    }\n\n"
                + "    public void run() {\n    }\n}\n"));
        assertEquals(List.of("com.acme.Greeter"), build.summary().orElseThrow().components());
        assertTrue(entries(build).containsKey("OSGI-INF/com.acme.Greeter.xml"), () -> entries(build).keySet().toString());
        assertTrue(entries(build).keySet().stream().anyMatch(e -> e.startsWith("OSGI-INF/metatype/")), () -> entries(build).keySet().toString());
        assertFalse(header(build, "Import-Package").contains("annotations"), "compile-only annotations are not imported");
    }

    @Test
    void resourcesAreCopiedIntoTheBundle() {
        Build build = succeeded(plugin("ok.resources", "src/com/acme/Hello.java", Plugins.hello("Hello"),
            "resources/conf/greeting.txt", "hello", "src/com/acme/messages.properties", "a=b"));
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), entries(build).get("conf/greeting.txt"));
        assertArrayEquals("a=b".getBytes(StandardCharsets.UTF_8), entries(build).get("com/acme/messages.properties"));
    }

    @Test
    void otherInstructionsOfBndBndAreHonoured() {
        Build build = succeeded(plugin("ok.instructions", "bnd.bnd", "Bundle-Description: greets\nX-Greeting: ${greeting}\ngreeting: hello\n",
            "src/com/acme/Hello.java", Plugins.hello("Hello")));
        assertEquals("greets", header(build, "Bundle-Description"));
        assertEquals("hello", header(build, "X-Greeting"));
    }

    @Test
    void sourcesInThePluginFolderItselfAreCompiledWhenThereIsNoSrc() {
        Build build = succeeded(plugin("ok.flat", "com/acme/Hello.java", Plugins.hello("Hello")));
        assertTrue(entries(build).containsKey("com/acme/Hello.class"));
    }

    @Test
    void otherBuildsOfTheBatchCanBeCompiledAgainst() {
        Build api = succeeded(plugin("ok.batch.api", "src/com/acme/api/package-info.java",
            "@org.osgi.annotation.bundle.Export\n@org.osgi.annotation.versioning.Version(\"1.2.0\")\npackage com.acme.api;\n",
            "src/com/acme/api/Greeting.java", "package com.acme.api;\n\npublic interface Greeting {\n    String text();\n}\n"));
        SourcePlugin consumer = plugin("ok.batch.consumer", "src/com/acme/impl/Hi.java",
            "package com.acme.impl;\n\npublic class Hi implements com.acme.api.Greeting {\n    public String text() {\n        return \"hi\";\n    }\n}\n");
        assertFalse(compiler.compile(consumer).succeeded(), "without the batch the API is unknown");
        Build build = compiler.compile(consumer, compiler.defaultOptions(), List.of(api));
        assertThat(build).hasNoErrors();
        assertTrue(build.summary().orElseThrow().imports().contains("com.acme.api;version=\"[1.2,2)\""));
        assertTrue(build.compiledAgainst().contains(new WiredPackage("com.acme.api", "ok.batch.api", "0.0.0", api.sourceDigest())),
            () -> build.compiledAgainst().toString());
    }

    @Test
    void defaultReleaseIsTheRunningJavasCappedAtEcjs() {
        int release = compiler.defaultOptions().release();
        assertEquals(Math.min(Runtime.version().feature(), release), release);
        assertTrue(release >= 17);
        Build build = succeeded(plugin("ok.release", "src/com/acme/Hello.java", Plugins.hello("Hello")));
        assertEquals(44 + release, majorVersion(entries(build).get("com/acme/Hello.class")));
    }

    @Test
    void releaseOptionSetsTheClassFileVersion() {
        CompileOptions java11 = new CompileOptions(11, false, true, StandardCharsets.UTF_8);
        Build build = compiler.compile(plugin("ok.java11", "src/com/acme/Hello.java", Plugins.hello("Hello")), java11, List.of());
        assertThat(build).hasNoErrors();
        assertEquals(55, majorVersion(entries(build).get("com/acme/Hello.class")));
        assertEquals(java11.canonical(), header(build, ProvenanceHeaders.COMPILE_OPTIONS));
    }

    @Test
    void warningsAsErrorsFailsABuildWithAWarning() {
        SourcePlugin plugin = plugin("ok.strict", "src/com/acme/A.java", "package com.acme;\n\nimport java.util.List;\n\npublic class A {\n}\n");
        assertTrue(compiler.compile(plugin).succeeded());
        Build build = compiler.compile(plugin, new CompileOptions(17, true, true, StandardCharsets.UTF_8), List.of());
        assertEquals("src/com/acme/A.java:3:8: error: The import java.util.List is never used (warnings are errors)",
            Plugins.onlyError(build).toString());
    }

    @Test
    void debugInfoOffLeavesNoLineNumbers() {
        SourcePlugin plugin = plugin("ok.nodebug", "src/com/acme/Hello.java", Plugins.hello("Hello"));
        String with = new String(entries(succeeded(plugin)).get("com/acme/Hello.class"), StandardCharsets.ISO_8859_1);
        Build build = compiler.compile(plugin, new CompileOptions(17, false, false, StandardCharsets.UTF_8), List.of());
        String without = new String(entries(build).get("com/acme/Hello.class"), StandardCharsets.ISO_8859_1);
        assertTrue(with.contains("LineNumberTable"));
        assertFalse(without.contains("LineNumberTable"));
    }

    @Test
    void encodingOptionDecodesTheSources() {
        byte[] latin1 = "package com.acme;\n\npublic class A {\n    String s = \"caf\u00e9\";\n}\n".getBytes(StandardCharsets.ISO_8859_1);
        SourcePlugin plugin = SourcePlugin.of("ok.latin1", Map.of("src/com/acme/A.java", latin1));
        assertFalse(compiler.compile(plugin).succeeded(), "not UTF-8");
        Build build = compiler.compile(plugin, new CompileOptions(17, false, true, StandardCharsets.ISO_8859_1), List.of());
        assertThat(build).hasNoErrors();
    }

    @Test
    void concurrentCompilesOfDifferentPluginsAreSafe() throws Exception {
        int n = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Build>> builds = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = "ok.concurrent" + i;
                String cls = "C" + i;
                Callable<Build> task = () -> {
                    start.await();
                    return compiler.compile(plugin(name, "src/com/acme/" + cls + ".java", String.format(ACTIVATOR, cls)));
                };
                builds.add(pool.submit(task));
            }
            start.countDown();
            for (int i = 0; i < n; i++) {
                Build b = builds.get(i).get();
                assertThat(b).hasNoErrors();
                assertEquals("ok.concurrent" + i, b.summary().orElseThrow().symbolicName());
                assertEquals("com.acme.C" + i, b.summary().orElseThrow().activator());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failedBuildCarriesNoBundleNoSummaryAndNoWiring() {
        Build build = compiler.compile(plugin("bad.failed", "src/com/acme/A.java", "package com.acme;\nclass A { int x = ; }\n"));
        assertFalse(build.succeeded());
        assertFalse(build.bundle().isPresent());
        assertFalse(build.summary().isPresent());
        assertEquals(List.of(), build.compiledAgainst());
        assertNull(build.errors().stream().filter(d -> d.line() == 0).findAny().orElse(null), "every error has a position");
    }

    static int majorVersion(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }
}
