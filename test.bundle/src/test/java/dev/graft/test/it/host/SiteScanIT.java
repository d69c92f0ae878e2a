package dev.graft.test.it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.host.FoundPlugin;
import dev.graft.host.LoadPlan;
import dev.graft.host.PluginLoader;

/** What a plan finds in its sites, read by the compiler's one reader. */
@ExtendWith(ServiceExtension.class)
class SiteScanIT {

    @InjectService
    PluginLoader loader;
    @TempDir
    Path tmp;

    private static void plugin(Path folder, String className) throws Exception {
        Files.createDirectories(folder.resolve("src/p"));
        Files.writeString(folder.resolve("src/p/" + className + ".java"), "package p; public class " + className + " {}");
    }

    private static List<String> names(LoadPlan plan) {
        return plan.plugins().stream().map(FoundPlugin::name).toList();
    }

    @Test
    void theFirstSiteWinsAndShadowedCopiesAreReported() throws Exception {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        plugin(first.resolve("hello"), "A");
        plugin(second.resolve("hello"), "B");
        plugin(second.resolve("other"), "C");
        LoadPlan plan = loader.plan(List.of(first, second));
        FoundPlugin hello = plan.plugins().stream().filter(p -> p.name().equals("hello")).findFirst().orElseThrow();
        assertEquals(List.of("hello", "other"), names(plan).stream().sorted().toList());
        assertEquals(first.resolve("hello"), hello.folder());
        assertEquals(List.of(second.resolve("hello")), hello.shadowed());
        assertTrue(plan.problems().contains("plugin hello in " + second.resolve("hello") + " is shadowed by " + first.resolve("hello")),
            plan.problems()::toString);
    }

    @Test
    void theNameComesFromBndBndWhenItSaysOne() throws Exception {
        plugin(tmp.resolve("folder"), "A");
        Files.writeString(tmp.resolve("folder/bnd.bnd"), "Bundle-SymbolicName: com.acme.named;singleton:=true\n");
        assertEquals(List.of("com.acme.named"), names(loader.plan(List.of(tmp))));
    }

    @Test
    void hiddenFoldersAndEditorFilesAreLeftOutOfThePlanAndThePlugin() throws Exception {
        plugin(tmp.resolve(".hidden"), "A");
        plugin(tmp.resolve("backup~"), "B");
        plugin(tmp.resolve("real"), "C");
        Files.writeString(tmp.resolve("real/src/p/.#C.java"), "garbage");
        Files.writeString(tmp.resolve("real/src/p/.C.java.swp"), "garbage");
        Files.writeString(tmp.resolve("real/src/p/C.java~"), "garbage");
        LoadPlan plan = loader.plan(List.of(tmp));
        assertEquals(List.of("real"), names(plan));
        assertEquals(List.of("src/p/C.java"), List.copyOf(plan.plugins().get(0).source().orElseThrow().files().keySet()));
    }

    @Test
    void aFolderWithAPomIsAMavenProjectNotASourcePlugin() throws Exception {
        plugin(tmp.resolve("plugin-tests"), "T");
        Files.writeString(tmp.resolve("plugin-tests/pom.xml"), "<project/>");
        Files.writeString(tmp.resolve("plugin-tests/bnd.bnd"), "Bundle-Version: 1.0.0\n");
        plugin(tmp.resolve("real"), "C");
        LoadPlan plan = loader.plan(List.of(tmp));
        assertEquals(List.of("real"), names(plan));
        assertEquals(List.of(), plan.problems());
    }

    @Test
    void aLinkThatLeadsOutOfItsSiteIsRefused() throws Exception {
        Path site = tmp.resolve("site");
        Path outside = tmp.resolve("outside");
        plugin(outside.resolve("evil"), "E");
        Files.createDirectories(site);
        Files.createSymbolicLink(site.resolve("evil"), outside.resolve("evil"));
        LoadPlan plan = loader.plan(List.of(site));
        assertTrue(plan.plugins().isEmpty());
        assertEquals(1, plan.problems().size());
        assertTrue(plan.problems().get(0).startsWith("refused " + site.resolve("evil") + ": it is a link to "), plan.problems().get(0));
    }

    @Test
    void aFolderThatCannotBeReadIsPlannedWithoutContentAndItsProblemNamed() throws Exception {
        plugin(tmp.resolve("-bad"), "A");
        LoadPlan plan = loader.plan(List.of(tmp));
        assertEquals(List.of("-bad"), names(plan));
        assertTrue(plan.plugins().get(0).source().isEmpty());
        assertEquals(1, plan.problems().size());
        assertTrue(plan.problems().get(0).contains("invalid plugin name '-bad'"), plan.problems()::toString);
    }
}
