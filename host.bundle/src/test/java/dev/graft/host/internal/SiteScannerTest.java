package dev.graft.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteScannerTest {

    @TempDir
    Path tmp;

    private static void plugin(Path folder, String className) throws Exception {
        Files.createDirectories(folder.resolve("src/p"));
        Files.writeString(folder.resolve("src/p/" + className + ".java"), "package p; public class " + className + " {}");
    }

    @Test
    void theFirstSiteWinsAndShadowedCopiesAreReported() throws Exception {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        plugin(first.resolve("hello"), "A");
        plugin(second.resolve("hello"), "B");
        plugin(second.resolve("other"), "C");
        SiteScanner.Result r = SiteScanner.scan(List.of(first, second));
        assertEquals(List.of("hello", "other"), r.plugins().stream().map(f -> f.source().name()).toList());
        assertEquals(first.resolve("hello"), r.plugins().get(0).source().folder());
        assertEquals(List.of(second.resolve("hello")), r.plugins().get(0).shadowed());
        assertEquals(List.of("plugin hello in " + second.resolve("hello") + " is shadowed by " + first.resolve("hello")), r.problems());
    }

    @Test
    void theNameComesFromBndBndWhenItSaysOne() throws Exception {
        plugin(tmp.resolve("folder"), "A");
        Files.writeString(tmp.resolve("folder/bnd.bnd"), "Bundle-SymbolicName: com.acme.named;singleton:=true\n");
        assertEquals("com.acme.named", SiteScanner.scan(List.of(tmp)).plugins().get(0).source().name());
    }

    @Test
    void hiddenFoldersAndEditorFilesAreIgnored() throws Exception {
        plugin(tmp.resolve(".hidden"), "A");
        plugin(tmp.resolve("backup~"), "B");
        plugin(tmp.resolve("real"), "C");
        Files.writeString(tmp.resolve("real/src/p/.#C.java"), "garbage");
        Files.writeString(tmp.resolve("real/src/p/.C.java.swp"), "garbage");
        Files.writeString(tmp.resolve("real/src/p/C.java~"), "garbage");
        SiteScanner.Result r = SiteScanner.scan(List.of(tmp));
        assertEquals(List.of("real"), r.plugins().stream().map(f -> f.source().name()).toList());
        assertEquals(java.util.Set.of("p"), r.plugins().get(0).source().ownPackages());
    }

    @Test
    void aFolderWithAPomIsAMavenProjectNotASourcePlugin() throws Exception {
        plugin(tmp.resolve("plugin-tests"), "T");
        Files.writeString(tmp.resolve("plugin-tests/pom.xml"), "<project/>");
        Files.writeString(tmp.resolve("plugin-tests/bnd.bnd"), "Bundle-Version: 1.0.0\n");
        plugin(tmp.resolve("real"), "C");
        SiteScanner.Result r = SiteScanner.scan(List.of(tmp));
        assertEquals(List.of("real"), r.plugins().stream().map(f -> f.source().name()).toList());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void aLinkThatLeadsOutOfItsSiteIsRefused() throws Exception {
        Path site = tmp.resolve("site");
        Path outside = tmp.resolve("outside");
        plugin(outside.resolve("evil"), "E");
        Files.createDirectories(site);
        Files.createSymbolicLink(site.resolve("evil"), outside.resolve("evil"));
        SiteScanner.Result r = SiteScanner.scan(List.of(site));
        assertTrue(r.plugins().isEmpty());
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).startsWith("refused " + site.resolve("evil") + ": it is a link to "), r.problems().get(0));
    }

    @Test
    void importsAreReducedToTheirPackages() {
        assertEquals("com.acme", SourceFolder.packageOf("com.acme.Type", false, false));
        assertEquals("com.acme", SourceFolder.packageOf("com.acme.Outer.Inner", false, false));
        assertEquals("com.acme", SourceFolder.packageOf("com.acme", false, true));
        assertEquals("com.acme", SourceFolder.packageOf("com.acme.Type.member", true, false));
        assertEquals("com.acme", SourceFolder.packageOf("com.acme.Type", true, true));
    }
}
