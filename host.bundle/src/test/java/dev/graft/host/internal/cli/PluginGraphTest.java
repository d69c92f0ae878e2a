package dev.graft.host.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.graft.host.FoundPlugin;
import dev.graft.host.LoadPlan;

class PluginGraphTest {

    private static FoundPlugin plugin(String name, String... dependencies) {
        return new FoundPlugin(name, Path.of("site", name), List.of(), List.of(), List.of(dependencies));
    }

    private static String dot(LoadPlan plan) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new PluginGraph(plan).write(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachPluginIsANodeAndEachDependencyAnEdge() {
        String dot = dot(new LoadPlan(List.of(plugin("api"), plugin("impl", "api"), plugin("user", "api", "impl")), List.of(), Map.of()));
        assertEquals("""
            digraph graft {
              rankdir=BT;
              node [shape=box, fontname="Helvetica"];
              "api";
              "impl";
              "user";
              "impl" -> "api";
              "user" -> "api";
              "user" -> "impl";
            }
            """, dot);
    }

    @Test
    void aCycleIsRedAndItsBlockedPluginsCarryTheReason() {
        String reason = "cycle: ping -> pong -> ping";
        String dot = dot(new LoadPlan(List.of(plugin("ping", "pong"), plugin("pong", "ping"), plugin("fan", "ping"), plugin("self", "self")),
            List.of(reason), Map.of("ping", reason, "pong", reason)));
        assertEquals("""
            digraph graft {
              rankdir=BT;
              node [shape=box, fontname="Helvetica"];
              "ping" [color=red, fontcolor=red, tooltip="cycle: ping -> pong -> ping"];
              "pong" [color=red, fontcolor=red, tooltip="cycle: ping -> pong -> ping"];
              "fan";
              "self";
              "ping" -> "pong" [color=red, penwidth=2, tooltip="cycle"];
              "pong" -> "ping" [color=red, penwidth=2, tooltip="cycle"];
              "fan" -> "ping";
              "self" -> "self" [color=red, penwidth=2, tooltip="cycle"];
            }
            """, dot);
    }

    @Test
    void aPrebuiltBundleIsDashedAndNamesAreQuoted() {
        FoundPlugin jar = new FoundPlugin("lib", Path.of("site", "lib.jar"), List.of(), List.of("lib"), List.of(), Optional.empty(), true);
        String dot = dot(new LoadPlan(List.of(jar), List.of(), Map.of()));
        assertEquals("  \"lib\" [style=dashed];", dot.lines().filter(l -> l.contains("lib")).findFirst().orElseThrow());
        assertEquals("\"a \\\"b\\\" c\\\\d\\ne\"", PluginGraph.quoted("a \"b\" c\\d\ne"));
    }
}
