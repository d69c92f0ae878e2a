package dev.graft.host.internal.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

import dev.graft.compiler.PluginConfiguration;

/**
 * A plugin's effective configurations as {@code graft check}, {@code graft config} and
 * {@code graft:config} print them: each key with the value as it may be shown ({@code ***} for a
 * value from the environment) and where it comes from.
 */
final class ConfigurationListing {

    /** One configuration: a PID, or one instance of a factory PID. */
    record Entry(String pid, Optional<String> factoryName, String note, List<Row> rows) {

        String id() {
            return factoryName.map(n -> pid + "~" + n).orElse(pid);
        }
    }

    /** One key, its value as it may be printed, and where it comes from ({@code file:line}, or what else set it). */
    record Row(String key, String value, String from) {
    }

    private ConfigurationListing() {
    }

    /** Entries of configurations read from files; {@code origin} turns a property into its {@code file:line}. */
    static List<Entry> of(List<PluginConfiguration> configurations, Function<PluginConfiguration.Property, String> origin) {
        return configurations.stream().map(c -> new Entry(c.pid(), c.factoryName(), "", c.properties().stream()
            .map(p -> new Row(p.key(), PluginConfiguration.shown(p.value()), origin.apply(p))).toList())).toList();
    }

    /**
     * Prints, for each entry, a heading line and a line per key:
     * <pre>
     * tax: configuration dev.example.Tax
     *   rate = 12   (/etc/graft/tax/dev.example.Tax.cfg:2)
     * </pre>
     */
    static void print(String plugin, List<Entry> entries, PrintStream out) {
        for (Entry e : entries) {
            out.println(plugin + ": configuration " + e.id() + (e.factoryName().isPresent() ? " (factory)" : "")
                + (e.note().isEmpty() ? "" : " " + e.note()));
            for (Row r : e.rows()) {
                out.println("  " + r.key() + " = " + r.value() + "   (" + r.from() + ")");
            }
        }
    }

    /** @return the entries as a JSON array of {@code {"pid", "factoryName", "properties": [{"key", "value", "from"}]}} */
    static String json(List<Entry> entries) {
        StringJoiner configurations = new StringJoiner(",", "[", "]");
        for (Entry e : entries) {
            StringJoiner properties = new StringJoiner(",", "[", "]");
            for (Row r : e.rows()) {
                properties.add("{\"key\":" + Json.string(r.key()) + ",\"value\":" + Json.string(r.value()) + ",\"from\":"
                    + Json.string(r.from()) + "}");
            }
            configurations.add("{\"pid\":" + Json.string(e.pid()) + ",\"factoryName\":" + Json.string(e.factoryName().orElse(""))
                + ",\"properties\":" + properties + "}");
        }
        return configurations.toString();
    }

    /** Where a property's value comes from: its file relative to the plugin folder, unless it is a deployment's file (absolute). */
    static String origin(String pluginFolder, PluginConfiguration.Property p) {
        return (p.file().startsWith("/") ? p.file() : pluginFolder + "/" + p.file()) + ":" + p.line();
    }
}
