package dev.graft.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ShellOnlyBundlesTest {

    @Test
    void theListIsSplitOnCommasAndTrimmed() {
        assertEquals(Set.of("a.b", "c"), Launcher.shellOnly(" a.b , c,,"));
        assertEquals(Set.of(), Launcher.shellOnly(null));
    }

    @Test
    void theRuntimeLeavesGogoAndMetatypeToTheShell() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("../cnf/runtime.bndrun"))) {
            Set<String> shellOnly = Launcher.shellOnly(RunProperties.parse(in).get(Launcher.SHELL_BUNDLES_PROPERTY));
            assertEquals(Set.of("org.apache.felix.gogo.runtime", "org.apache.felix.gogo.command", "org.apache.felix.gogo.shell",
                "org.apache.felix.metatype"), shellOnly);
        }
    }
}
