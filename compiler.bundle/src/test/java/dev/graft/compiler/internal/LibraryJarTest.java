package dev.graft.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

import dev.graft.compiler.SourceOutline;
import dev.graft.compiler.SourcePlugin;

class LibraryJarTest {

    private static byte[] library(Map<String, String> headers, String... entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Manifest m = new Manifest();
        m.getMainAttributes().putValue("Manifest-Version", "1.0");
        headers.forEach(m.getMainAttributes()::putValue);
        try (JarOutputStream out = new JarOutputStream(bytes, m)) {
            for (String e : entries) {
                out.putNextEntry(new JarEntry(e));
                out.write(new byte[] { (byte) 0xCA, (byte) 0xFE });
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void packagesAndTheirVersionsComeFromTheJarAndItsManifest() throws Exception {
        byte[] bytes = library(Map.of("Export-Package", "lib.a;version=\"2.1.0\"", "Bundle-Version", "2.1.0.RELEASE"),
            "lib/a/A.class", "lib/a/a.properties", "lib/b/B.class", "META-INF/services/x.Y", "res/only.txt", "Top.class");
        LibraryJar jar = LibraryJar.read("lib/x.jar", bytes);
        assertEquals(Set.of("lib.a", "lib.b"), jar.packages().keySet());
        assertEquals(Set.of("lib/a/A.class", "lib/a/a.properties"), jar.packages().get("lib.a").keySet(), "resources beside the classes go with them");
        assertEquals(new Version(2, 1, 0), jar.versions().get("lib.a"));
        assertEquals(new Version(2, 1, 0), jar.versions().get("lib.b"), "the bundle's version for a package it does not export");
    }

    @Test
    void versionsAreReadLeniently() {
        assertEquals(new Version(1, 2, 3), LibraryJar.parse("1.2.3-SNAPSHOT"));
        assertEquals(new Version(4, 0, 0), LibraryJar.parse("4"));
        assertNull(LibraryJar.parse(""));
        assertNull(LibraryJar.parse("unknown"));
    }

    @Test
    void aJarCutShortIsAnErrorAtTheJar() throws Exception {
        byte[] whole = library(Map.of(), "lib/a/A.class");
        LibraryJar.LibraryException e = assertThrows(LibraryJar.LibraryException.class,
            () -> LibraryJar.read("lib/cut.jar", Arrays.copyOf(whole, whole.length - 10)));
        assertEquals("lib/cut.jar", e.diagnostic().file());
        assertTrue(e.diagnostic().message().startsWith("a library of lib/ is unusable: not a complete jar"), e.diagnostic().message());
    }

    @Test
    void theOutlineNeedsNoProviderForThePackagesOfLib() throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("src/p/P.java", "package p;\n\nimport lib.a.A;\nimport other.api.Thing;\n\nclass P {\n}\n".getBytes(StandardCharsets.UTF_8));
        files.put("lib/x.jar", library(Map.of(), "lib/a/A.class"));
        SourceOutline outline = SourceOutliner.outline(SourcePlugin.of("p", files));
        assertEquals(Set.of("other.api"), outline.imports().keySet());
    }
}
