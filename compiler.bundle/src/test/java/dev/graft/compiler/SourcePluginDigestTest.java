package dev.graft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The source digest, the part of the cache key that stands for a plugin's files, leaves its configuration files out. */
class SourcePluginDigestTest {

    private static SourcePlugin plugin(String source, String config) {
        return SourcePlugin.of("p", Map.of("src/p/A.java", source.getBytes(StandardCharsets.UTF_8),
            "config/p.A.cfg", config.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aConfigurationEditKeepsTheDigestAndASourceEditChangesIt() {
        String digest = plugin("package p; class A {}", "rate = 7\n").digest();
        assertEquals(digest, plugin("package p; class A {}", "rate = 9\n").digest());
        assertEquals(digest, SourcePlugin.of("p", Map.of("src/p/A.java", "package p; class A {}".getBytes(StandardCharsets.UTF_8))).digest());
        assertNotEquals(digest, plugin("package p; class A { }", "rate = 7\n").digest());
    }
}
