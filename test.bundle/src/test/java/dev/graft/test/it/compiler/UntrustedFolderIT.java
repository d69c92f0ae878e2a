package dev.graft.test.it.compiler;

import static dev.graft.test.it.compiler.Plugins.describe;
import static dev.graft.test.it.compiler.Plugins.plugin;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.compiler.Build;
import dev.graft.compiler.CheckResult;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.SourceException;
import dev.graft.compiler.SourcePlugin;

/**
 * A plugin folder is untrusted input: compiling or checking it runs no command, reads no host
 * file and puts no host data into a bundle. The attacks are the {@code attacks/*.bnd} resources.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class UntrustedFolderIT {

    private static final String SECRET = "host-secret-6f1d";

    @InjectService
    PluginCompiler compiler;

    @TempDir
    Path temp;

    /** The attack's bnd.bnd with its placeholders filled in. */
    private String attack(String name) throws IOException {
        Path marker = temp.resolve("marker");
        Path secret = Files.writeString(temp.resolve("secret.txt"), SECRET + "\n");
        Path outside = Files.writeString(temp.resolve("outside.bnd"), "X-Out: ${system;touch " + marker + "}\n");
        try (InputStream in = getClass().getResourceAsStream("/attacks/" + name + ".bnd")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@MARKER@", marker.toString())
                .replace("@SECRET@", secret.toString()).replace("@OUTSIDE@", outside.toString()).replace("@TEMP@", temp.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "system                            | 2:10: error: macro ${system} is not allowed in a source plugin",
        "unicode-escape                    | 2:15: error: macro ${system} is not allowed",
        "line-continuation                 | 2:8: error: macro ${system} is not allowed",
        "nested-name                       | 3:8: error: macro ${system} is not allowed",
        "system-allow-fail                 | 2:10: error: macro ${system_allow_fail} is not allowed",
        "template-arguments                | 2:8: error: macro ${system} is not allowed",
        "include-outside                   | 2:11: error: -include names @OUTSIDE@, outside the plugin folder",
        "include-host-file                 | 2:11: error: -include names @SECRET@, outside the plugin folder",
        "cat-in-include-path               | 2:13: error: macro ${cat} is not allowed",
        "includeresource-absolute          | 2:26: error: -includeresource names @SECRET@, outside the plugin folder",
        "includeresource-preprocessed      | 2:27: error: -includeresource names @SECRET@, outside the plugin folder",
        "include-resource-header           | 2:26: error: Include-Resource names @SECRET@, outside the plugin folder",
        "includeresource-dotdot            | 2:26: error: -includeresource names ../../../../../../../..@SECRET@, outside the plugin folder",
        "includeresource-working-directory | 2:19: error: -includeresource names pom.xml, which is not in the plugin folder",
        "cat                               | 2:13: error: macro ${cat} is not allowed",
        "env                               | 2:11: error: macro ${env} is not allowed",
        "lsr                               | 2:12: error: macro ${lsr} is not allowed",
        "system-property                   | 2:11: error: macro ${user.home} is not allowed",
        "env-property                      | 2:11: error: macro ${env.HOME} is not allowed",
        "plugin-instruction                | 2:1: error: instruction -plugin is not allowed in a source plugin",
        "classpath-instruction             | 2:1: error: instruction -classpath is not allowed in a source plugin" })
    void attackIsRefusedWithoutRunningAnythingOrReadingTheHost(String name, String expected) throws Exception {
        String bnd = attack(name);
        SourcePlugin plugin = plugin("attack." + name.replace('-', '.'), "bnd.bnd", bnd, "src/com/acme/A.java", Plugins.hello("A"));
        Build build = compiler.compile(plugin);
        CheckResult check = compiler.check(plugin, java.util.List.of());

        assertFalse(Files.exists(temp.resolve("marker")), "the attack ran a command");
        assertTrue(build.bundle().isEmpty(), "a bundle was built: " + (build.bundle().isPresent() ? Plugins.entries(build).keySet() : ""));
        String want = "bnd.bnd:" + expected.replace("@SECRET@", temp.resolve("secret.txt").toString())
            .replace("@OUTSIDE@", temp.resolve("outside.bnd").toString());
        for (var diagnostics : java.util.List.of(build.diagnostics(), check.diagnostics())) {
            assertTrue(diagnostics.stream().map(Diagnostic::toString).anyMatch(d -> d.startsWith(want)),
                "expected " + want + describe(diagnostics));
            assertTrue(diagnostics.stream().noneMatch(d -> d.toString().contains(SECRET)), "a diagnostic carries host data" + describe(diagnostics));
        }
        assertFalse(check.ok());
    }

    @Test
    void relativeResourcePathResolvesAgainstThePluginFolderNotTheWorkingDirectory() throws Exception {
        Build build = compiler.compile(plugin("own.readme", "bnd.bnd", "-includeresource: docs/README.md=README.md\n",
            "README.md", "the plugin's own readme\n", "src/com/acme/A.java", Plugins.hello("A")));
        assertTrue(build.succeeded(), describe(build.diagnostics()));
        Map<String, byte[]> entries = Plugins.entries(build);
        assertArrayEquals("the plugin's own readme\n".getBytes(StandardCharsets.UTF_8), entries.get("docs/README.md"));
        assertEquals(java.util.Set.of("META-INF/MANIFEST.MF", "com/acme/A.class", "docs/README.md"), entries.keySet());
    }

    @Test
    void includedBndFileOfThePluginFolderIsUsed() {
        Build build = compiler.compile(plugin("own.include", "bnd.bnd", "-include: common.bnd\nX-Version: ${v}\n",
            "common.bnd", "v: 1.2.3\n", "src/com/acme/A.java", Plugins.hello("A")));
        assertTrue(build.succeeded(), describe(build.diagnostics()));
        assertEquals("1.2.3", Plugins.header(build, "X-Version"));
    }

    @Test
    void symbolicLinkLeavingTheFolderIsRefused() throws Exception {
        Path secret = Files.writeString(temp.resolve("secret.txt"), SECRET);
        Path folder = Files.createDirectories(temp.resolve("linked"));
        Files.writeString(folder.resolve("bnd.bnd"), "-includeresource: secret=resources/secret\n");
        Files.createDirectories(folder.resolve("src/com/acme"));
        Files.writeString(folder.resolve("src/com/acme/A.java"), Plugins.hello("A"));
        Files.createDirectories(folder.resolve("resources"));
        Files.createSymbolicLink(folder.resolve("resources/secret"), secret);
        SourceException e = assertThrows(SourceException.class, () -> compiler.read(folder));
        assertTrue(e.diagnostic().toString().contains("resources/secret is a symbolic link"), e.diagnostic().toString());
    }
}
