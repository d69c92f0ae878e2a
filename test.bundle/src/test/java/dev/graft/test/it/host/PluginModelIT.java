package dev.graft.test.it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.host.FoundPlugin;
import dev.graft.host.LoadOptions;
import dev.graft.host.LoadPlan;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginState;
import dev.graft.test.LoadedPlugins;
import dev.graft.test.PluginKit;
import dev.graft.test.PluginSources;
import dev.graft.test.SourcePluginExtension;

/** A plugin is read once into one value: the plan, its order and the build all come from it. */
@ExtendWith(ServiceExtension.class)
@ExtendWith(SourcePluginExtension.class)
class PluginModelIT {

    @InjectService
    PluginLoader loader;
    @InjectService
    PluginRegistry registry;
    @TempDir
    Path site;

    @AfterEach
    void unloadEverything() {
        LoadedPlugins.unloadAll(loader, registry);
    }

    /** {@code pong} exports {@code pong.api.Pong}; no import statement anywhere. */
    private static PluginSources pong() {
        return PluginSources.named("pong")
            .bnd("Export-Package: pong.api")
            .file("src/pong/api/Pong.java", "package pong.api;\n\npublic interface Pong {\n    String name();\n}\n");
    }

    /** {@code ping} names {@code pong.api.Pong} by its fully qualified name only, in a signature and in code. */
    private static PluginSources ping() {
        return PluginSources.named("ping")
            .file("src/ping/Ping.java", """
                package ping;

                // import nowhere.Comment;
                public class Ping {
                    String text = "import nowhere.String;";

                    public pong.api.Pong partner() {
                        return new pong.api.Pong() {
                            public String name() {
                                return "pong";
                            }
                        };
                    }
                }
                """);
    }

    private static PluginRecord byName(List<PluginRecord> records, String name) {
        return records.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void fullyQualifiedReferencesAcrossPluginsOrderTheLoadAndBothLoad() throws Exception {
        ping().writeTo(site);
        pong().writeTo(site);
        LoadPlan plan = loader.plan(List.of(site));
        assertEquals(List.of("pong", "ping"), plan.plugins().stream().map(FoundPlugin::name).toList());
        assertEquals(List.of(), plan.problems());
        List<PluginRecord> records = loader.loadAll(plan, new LoadOptions(List.of(site), List.of(), false));
        assertEquals(PluginState.ACTIVE, byName(records, "pong").state(), () -> byName(records, "pong").problems().toString());
        assertEquals(PluginState.ACTIVE, byName(records, "ping").state(), () -> byName(records, "ping").problems().toString());
    }

    @Test
    void aLoadBuildsTheContentThePlanWasMadeFrom() throws Exception {
        Path folder = pong().writeTo(site);
        LoadPlan plan = loader.plan(List.of(site));
        String planned = plan.plugins().get(0).source().orElseThrow().digest();
        Files.writeString(folder.resolve("src/pong/api/Pong.java"), "package pong.api;\n\npublic interface Pong {\n}\n");
        PluginRecord pong = loader.loadAll(plan, new LoadOptions(List.of(site), List.of(), false)).get(0);
        assertEquals(PluginState.ACTIVE, pong.state(), pong.problems()::toString);
        assertEquals(planned, pong.sourceDigest());
    }

    @Test
    void anEditorBackupFileIsNeitherPackagedNorHashed(PluginKit kit, @TempDir Path cacheDir) throws Exception {
        kit.cacheIn(cacheDir);
        Path folder = pong().file("src/pong/api/Pong.java~", "an editor's backup").writeTo(site);
        LoadOptions cached = new LoadOptions(List.of(site), List.of(), true);
        PluginRecord first = loader.loadAll(cached).get(0);
        assertEquals(PluginState.ACTIVE, first.state(), first.problems()::toString);
        assertFalse(first.fromCache());
        LoadedPlugins.unloadAll(loader, registry);
        Files.writeString(folder.resolve("src/pong/api/Pong.java~"), "the backup, changed");
        PluginRecord again = loader.loadAll(cached).get(0);
        assertTrue(again.fromCache(), "a changed backup file leaves the key as it was");
        assertEquals(first.sourceDigest(), again.sourceDigest());
    }

    @Test
    void aCycleOfFullyQualifiedReferencesIsNamedAsACycle() throws Exception {
        PluginSources.named("yin")
            .bnd("Export-Package: yin.api")
            .file("src/yin/api/Yin.java", "package yin.api;\n\npublic interface Yin {\n    yang.api.Yang other();\n}\n")
            .writeTo(site);
        // the reference is written with Unicode escapes: the scanner decodes them as the compiler does
        PluginSources.named("yang")
            .bnd("Export-Package: yang.api")
            .file("src/yang/api/Yang.java", "package yang.api;\n\npublic interface Yang {\n    \\u0079in.api.Yin other();\n}\n")
            .writeTo(site);
        LoadPlan plan = loader.plan(List.of(site));
        assertEquals(List.of("cycle: yang -> yin -> yang"), plan.problems());
        assertEquals(List.of("yang", "yin"), plan.blocked().keySet().stream().sorted().toList());
    }

    @Test
    void aPackageDeclaredByTwoPluginsIsNamedASplitPackage() throws Exception {
        pong().writeTo(site);
        PluginSources.named("pong-copy")
            .file("src/pong/api/Extra.java", "package pong.api;\n\npublic class Extra {\n}\n")
            .writeTo(site);
        LoadPlan plan = loader.plan(List.of(site));
        assertEquals(List.of("split package pong.api: declared by both pong and pong-copy; a package belongs to one plugin"),
            plan.problems());
    }
}
