package dev.graft.host.internal.cli;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.graft.host.FoundPlugin;
import dev.graft.host.LoadPlan;

/**
 * A load plan as a Graphviz DOT graph ({@code graft list --graph}): one node per plugin, an edge
 * from each plugin to each plugin whose packages it uses. A plugin the plan blocks is red, with the
 * reason as its tooltip; the edges of a dependency cycle are red and bold; a prebuilt bundle is
 * drawn dashed.
 */
final class PluginGraph {

    private final LoadPlan plan;

    PluginGraph(LoadPlan plan) {
        this.plan = plan;
    }

    void write(PrintStream out) {
        Map<String, FoundPlugin> byName = new LinkedHashMap<>();
        plan.plugins().forEach(p -> byName.put(p.name(), p));
        Map<String, Integer> component = stronglyConnected(byName);
        out.println("digraph graft {");
        out.println("  rankdir=BT;");
        out.println("  node [shape=box, fontname=\"Helvetica\"];");
        for (FoundPlugin p : byName.values()) {
            StringBuilder attributes = new StringBuilder();
            if (p.prebuilt()) {
                attributes.append("style=dashed");
            }
            String blocked = plan.blocked().get(p.name());
            if (blocked != null) {
                attributes.append(attributes.isEmpty() ? "" : ", ").append("color=red, fontcolor=red, tooltip=").append(quoted(blocked));
            }
            out.println("  " + quoted(p.name()) + (attributes.isEmpty() ? "" : " [" + attributes + "]") + ";");
        }
        for (FoundPlugin p : byName.values()) {
            for (String d : p.dependencies()) {
                // an edge inside one strongly connected component closes a cycle (a self-loop included)
                boolean cycle = component.containsKey(d) && component.get(d).equals(component.get(p.name()));
                out.println("  " + quoted(p.name()) + " -> " + quoted(d) + (cycle ? " [color=red, penwidth=2, tooltip=\"cycle\"]" : "") + ";");
            }
        }
        out.println("}");
    }

    /** Tarjan's strongly connected components over the dependency edges: a component id per plugin. */
    private static Map<String, Integer> stronglyConnected(Map<String, FoundPlugin> byName) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Map<String, Integer> component = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        int[] counter = {0, 0};
        for (String start : byName.keySet()) {
            if (!index.containsKey(start)) {
                visit(start, byName, index, low, component, stack, onStack, counter);
            }
        }
        return component;
    }

    private static void visit(String v, Map<String, FoundPlugin> byName, Map<String, Integer> index, Map<String, Integer> low,
        Map<String, Integer> component, Deque<String> stack, Set<String> onStack, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]);
        counter[0]++;
        stack.push(v);
        onStack.add(v);
        List<String> next = byName.get(v).dependencies().stream().filter(byName::containsKey).toList();
        for (String w : next) {
            if (!index.containsKey(w)) {
                visit(w, byName, index, low, component, stack, onStack, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.put(w, counter[1]);
            } while (!w.equals(v));
            counter[1]++;
        }
    }

    /** A DOT string: in double quotes, with quotes and backslashes escaped and line breaks as {@code \n}. */
    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
