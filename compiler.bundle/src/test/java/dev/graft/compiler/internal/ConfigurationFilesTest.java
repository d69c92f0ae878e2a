package dev.graft.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.PluginConfiguration;
import dev.graft.compiler.PluginConfigurations;

class ConfigurationFilesTest {

    private static ConfigurationFiles.Read read(String name, String text) {
        return ConfigurationFiles.read(Map.of("config/" + name, text.getBytes(StandardCharsets.UTF_8)), "config/");
    }

    private static PluginConfiguration one(String name, String text) {
        ConfigurationFiles.Read r = read(name, text);
        assertEquals(List.of(), r.diagnostics());
        return r.configurations().get(0);
    }

    @Test
    void cfgFollowsPropertiesSyntaxAndKeepsEachKeysFirstLine() {
        PluginConfiguration c = one("dev.example.Tax.cfg", "# comment\n! also a comment\nrate = 5\nlist : a,\\\n   b\nescaped=tab\\tend\n");
        assertEquals("dev.example.Tax", c.pid());
        assertEquals(Optional.empty(), c.factoryName());
        assertEquals(new PluginConfiguration.Property("rate", "5", false, "config/dev.example.Tax.cfg", 3), c.properties().get(0));
        assertEquals("a,b", c.property("list").orElseThrow().value());
        assertEquals(4, c.property("list").orElseThrow().line());
        assertEquals("tab\tend", c.property("escaped").orElseThrow().value());
        assertEquals(6, c.property("escaped").orElseThrow().line());
    }

    @Test
    void jsonTakesTheConfiguratorsTypes() {
        PluginConfiguration c = one("f.pid~one.json", """
            {
              "rate:Integer": 5,
              "big": 12,
              "ratio": 0.5,
              "hosts:String[]": ["a", "b"],
              "ports:int[]": [1, 2],
              "ids:Collection<Long>": [3],
              "on": true
            }
            """);
        assertEquals("f.pid", c.pid());
        assertEquals(Optional.of("one"), c.factoryName());
        assertEquals(5, c.property("rate").orElseThrow().value());
        assertEquals(2, c.property("rate").orElseThrow().line());
        assertEquals(12L, c.property("big").orElseThrow().value());
        assertEquals(0.5, c.property("ratio").orElseThrow().value());
        assertArrayEquals(new String[] {"a", "b"}, (String[]) c.property("hosts").orElseThrow().value());
        assertArrayEquals(new int[] {1, 2}, (int[]) c.property("ports").orElseThrow().value());
        assertEquals(List.of(3L), c.property("ids").orElseThrow().value());
        assertEquals(Boolean.TRUE, c.property("on").orElseThrow().value());
    }

    @Test
    void badFilesAreErrorsAtTheirLine() {
        assertError(read("p.json", "{\n  \"a\": 1,\n  \"a\": 2\n}"), "config/p.json", 3, "a: the key is set twice");
        assertError(read("p.json", "{\n  \"a\": [1, \"x\"]\n}"), "config/p.json", 2, "a: an array mixes Long and String");
        assertError(read("p.json", "{\n  \"rate:Integer\": \"ten\"\n}"), "config/p.json", 2, "rate: \"ten\" is not an int");
        assertError(read("p.json", "{ \"a\": 1 } x"), "config/p.json", 1, "text after the configuration object");
        assertError(read("p.cfg", "a = 1\na = 2\n"), "config/p.cfg", 2, "a: the key is set twice");
        assertError(read("p.yaml", "a: 1\n"), "config/p.yaml", 0,
            "not a configuration file: a file of config/ is PID.cfg, PID.json, FACTORYPID~NAME.cfg or FACTORYPID~NAME.json");
        ConfigurationFiles.Read latin1 = ConfigurationFiles.read(Map.of("config/p.cfg", new byte[] {'a', '=', '1', '\n', 'b', '=', (byte) 0xE9}),
            "config/");
        assertError(latin1, "config/p.cfg", 2, "the file is not valid UTF-8");
    }

    @Test
    void aDeploymentsFileOverridesKeyByKey() {
        PluginConfiguration own = one("t.cfg", "a = 1\nb = 2\n");
        PluginConfiguration theirs = new PluginConfiguration("/etc/x/t.cfg", "t", Optional.empty(),
            List.of(new PluginConfiguration.Property("b", "3", false, "/etc/x/t.cfg", 1)));
        PluginConfiguration merged = PluginConfigurations.overridden(List.of(own), List.of(theirs)).get(0);
        assertEquals("1", merged.property("a").orElseThrow().value());
        assertEquals("3", merged.property("b").orElseThrow().value());
        assertEquals("/etc/x/t.cfg", merged.property("b").orElseThrow().file());
    }

    @Test
    void secretsAreShownMasked() {
        assertEquals("***", PluginConfiguration.shown("${env:TOKEN}"));
        assertEquals("***", PluginConfiguration.shown(new String[] {"x", "pre-${env:TOKEN}"}));
        assertEquals("[1, 2]", PluginConfiguration.shown(new int[] {1, 2}));
    }

    private static void assertError(ConfigurationFiles.Read r, String file, int line, String message) {
        assertEquals(1, r.diagnostics().size(), r.diagnostics()::toString);
        Diagnostic d = r.diagnostics().get(0);
        assertTrue(d.isError());
        assertEquals(file, d.file());
        assertEquals(line, d.line(), d::toString);
        assertEquals(message, d.message());
    }
}
