package dev.graft.test.it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginState;
import dev.graft.test.LoadedPlugins;
import dev.graft.test.PluginSources;

/** The file import-policy.txt of a site folder holds for every plugin of the site, with the compiler's policy. */
@ExtendWith(ServiceExtension.class)
class SiteImportPolicyIT {

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

    private Path usesConfigAdmin() throws Exception {
        return PluginSources.named("uses-cm").file("src/t/cm/A.java",
            "package t.cm;\n\nimport org.osgi.service.cm.ConfigurationAdmin;\n\npublic class A {\n    ConfigurationAdmin cm;\n}\n")
            .writeTo(site);
    }

    @Test
    void aPackageTheSiteFileDeniesIsRefused() throws Exception {
        Path folder = usesConfigAdmin();
        Files.writeString(site.resolve("import-policy.txt"), "# this site's plugins keep off configuration\ndeny org.osgi.service.cm.*\n");
        PluginRecord r = loader.load(folder, false);
        assertEquals(PluginState.FAILED, r.state());
        String expected = folder + "/src/t/cm/A.java:3:8: error: importing package org.osgi.service.cm is denied by the site's import policy"
            + " (deny org.osgi.service.cm.*)";
        assertTrue(r.problems().stream().anyMatch(p -> p.startsWith(expected)), r.problems()::toString);
    }

    @Test
    void aLineOfTheSiteFileThatIsNotARuleFailsThePluginNamingFileAndLine() throws Exception {
        Path folder = usesConfigAdmin();
        Path file = Files.writeString(site.resolve("import-policy.txt"), "deny com.acme.*\nforbid org.osgi.*\n");
        PluginRecord r = loader.load(folder, false);
        assertEquals(PluginState.FAILED, r.state());
        assertTrue(r.problems().get(0).startsWith("the site options: " + file + ":2: not a rule: 'forbid org.osgi.*'"),
            r.problems()::toString);
    }
}
