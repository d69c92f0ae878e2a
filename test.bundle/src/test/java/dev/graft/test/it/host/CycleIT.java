package dev.graft.test.it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.host.LoadOptions;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginState;
import dev.graft.test.PluginSources;

/** Plugins that need each other are skipped with the cycle named; the others load. */
@ExtendWith(ServiceExtension.class)
class CycleIT {

    @InjectService
    PluginLoader loader;
    @TempDir
    Path site;

    /** Plugin {@code name} exports {@code t.name.Type} whose method returns {@code t.needs.Type}. */
    private static PluginSources needing(String name, String needs) {
        return PluginSources.named(name)
            .bnd("Export-Package: t." + name)
            .file("src/t/" + name + "/Type.java", "package t." + name + ";\n\nimport t." + needs + ".Other;\n\n"
                + "public interface Type {\n    Other other();\n}\n")
            .file("src/t/" + name + "/Other.java", "package t." + name + ";\n\npublic interface Other {\n}\n");
    }

    @Test
    void aCycleSkipsItsMembersNamingTheChainAndTheOthersLoad() throws Exception {
        needing("cb", "cc").writeTo(site);
        needing("cc", "cb").writeTo(site);
        TestPlugins.supplier("bystander", "x").writeTo(site);
        List<PluginRecord> records = loader.loadAll(new LoadOptions(List.of(site), List.of(), false));
        try {
            PluginRecord cb = records.stream().filter(r -> r.name().equals("cb")).findFirst().orElseThrow();
            PluginRecord bystander = records.stream().filter(r -> r.name().equals("bystander")).findFirst().orElseThrow();
            assertEquals(PluginState.SKIPPED, cb.state());
            assertEquals(List.of("cycle: cb -> cc -> cb"), cb.problems());
            assertEquals(PluginState.ACTIVE, bystander.state(), bystander.problems()::toString);
        } finally {
            loader.unload("bystander");
        }
    }
}
