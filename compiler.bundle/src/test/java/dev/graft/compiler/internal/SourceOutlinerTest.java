package dev.graft.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.graft.compiler.SourceOutline;
import dev.graft.compiler.SourcePlugin;

class SourceOutlinerTest {

    private static SourceOutline outline(String... pathsAndTexts) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return SourceOutliner.outline(SourcePlugin.of("p", files));
    }

    @Test
    void aFullyQualifiedTypeInASignatureIsAQualifiedName() {
        SourceOutline o = outline("src/ping/Ping.java", "package ping;\n\npublic interface Ping {\n    pong.api.Pong partner();\n}\n");
        assertEquals(Set.of("ping"), o.ownPackages());
        assertEquals(Map.of(), o.imports());
        assertEquals(Map.of("pong.api.Pong", "src/ping/Ping.java"), o.qualifiedNames());
    }

    @Test
    void fullyQualifiedNamesInAnnotationsAndCodeCount() {
        SourceOutline o = outline("src/a/A.java", "package a;\n\n@pong.api.Marker\nclass A {\n"
            + "    Object o = new pong.impl.Maker().make();\n    int n = this.count.size;\n}\n");
        assertEquals(List.of("pong.api.Marker", "pong.impl.Maker"), List.copyOf(o.qualifiedNames().keySet()));
    }

    @Test
    void importsInCommentsStringsAndTextBlocksAreIgnored() {
        SourceOutline o = outline("src/a/A.java", "package a;\n// import com.line.Comment;\n/* import com.block.Comment; */\n"
            + "/** {@link com.doc.Comment} */\nclass A {\n    String s = \"import com.string.Literal;\";\n"
            + "    String t = \"\"\"\n        import com.text.Block;\n        x.y.Z z;\n        \"\"\";\n}\n");
        assertEquals(Map.of(), o.imports());
        assertEquals(Map.of(), o.qualifiedNames());
    }

    @Test
    void importsOfEveryKindNameTheirPackage() {
        SourceOutline o = outline("src/a/A.java", "package a;\nimport com.single.Type;\nimport com.demand.*;\n"
            + "import static com.stat.Util.helper;\nimport static com.statall.Util.*;\nimport com.nested.Outer.Inner;\nimport a.Own;\nclass A {}\n");
        assertEquals(List.of("com.single", "com.demand", "com.stat", "com.statall", "com.nested"), List.copyOf(o.imports().keySet()));
        assertEquals("src/a/A.java", o.imports().get("com.single"));
    }

    @Test
    void unicodeEscapesInNamesAreDecoded() {
        SourceOutline o = outline("src/pong/api/Pong.java", "package \\u0070ong.api;\nimport c\\u006fm.acme.Thing;\n"
            + "interface Pong { p\\u0069ng.Ping ping(); }\n");
        assertEquals(Set.of("pong.api"), o.ownPackages());
        assertEquals(Set.of("com.acme"), o.imports().keySet());
        assertEquals(Set.of("ping.Ping"), o.qualifiedNames().keySet());
    }

    @Test
    void exportOnAPackageInfoExportsItsPackage() {
        SourceOutline o = outline("src/a/api/package-info.java", "@Export\n@Version(\"1.0.0\")\npackage a.api;\n"
            + "import org.osgi.annotation.bundle.Export;\nimport org.osgi.annotation.versioning.Version;\n",
            "src/b/api/package-info.java", "@org.osgi.annotation.bundle.Export\npackage b.api;\n",
            "src/c/api/package-info.java", "/** @Export is not an annotation here */\npackage c.api;\n",
            "src/d/D.java", "package d;\n@Export class D {}\n");
        assertEquals(Set.of("a.api", "b.api"), o.exports());
    }

    @Test
    void bndExportsMatchWildcardsAndNegationsAgainstOwnPackages() {
        SourceOutline o = outline("bnd.bnd", "Export-Package: !x.api.internal, x.api.*\n-exportcontents: y.*\n",
            "src/x/api/A.java", "package x.api;\nclass A {}\n",
            "src/x/api/sub/B.java", "package x.api.sub;\nclass B {}\n",
            "src/x/api/internal/C.java", "package x.api.internal;\nclass C {}\n",
            "src/y/D.java", "package y;\nclass D {}\n",
            "src/z/E.java", "package z;\nclass E {}\n");
        assertEquals(Set.of("x.api", "x.api.sub", "y"), o.exports());
    }

    @Test
    void aSourceTheScannerCannotFinishIsOutlinedUpToThere() {
        SourceOutline o = outline("src/a/A.java", "package a;\nimport com.before.Type;\nclass A { String s = \"unterminated\n}\n");
        assertTrue(o.imports().containsKey("com.before"), o::toString);
        assertEquals(Set.of("a"), o.ownPackages());
    }

    @Test
    void importsAreReducedToTheirPackages() {
        assertEquals("com.acme", ImportedPackage.of("com.acme.Type", false, false));
        assertEquals("com.acme", ImportedPackage.of("com.acme.Outer.Inner", false, false));
        assertEquals("com.acme", ImportedPackage.of("com.acme", false, true));
        assertEquals("com.acme", ImportedPackage.of("com.acme.Type.member", true, false));
        assertEquals("com.acme", ImportedPackage.of("com.acme.Type", true, true));
    }
}
