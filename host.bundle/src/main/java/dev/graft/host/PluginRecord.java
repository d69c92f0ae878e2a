package dev.graft.host;

import java.util.List;

import dev.graft.compiler.Diagnostic;

/**
 * What the registry knows about one source plugin.
 *
 * @param name the plugin's name, which is its bundle's symbolic name
 * @param version the bundle version, or empty when it never built
 * @param location the bundle location, unique in this framework, or empty when never installed
 * @param bundleId the bundle id, or -1 when not installed
 * @param sourceDigest the SHA-256 of the plugin's sources, or empty
 * @param origin the plugin folder (or jar) it came from
 * @param state where the plugin stands
 * @param fromCache whether the bundle came from the cache rather than the compiler
 * @param buildMillis time spent finding or compiling the bundle
 * @param startMillis time spent installing and starting it, components included
 * @param components its DS components at the time the record was made
 * @param problems why it failed or was skipped, each a line of text (javac style for compile
 *        errors); empty when all is well
 * @param stuckThreads the stacks of the threads that were stuck in its start or activation past the
 *        start deadline, each a multi-line text; empty when none was
 * @param diagnostics what the compiler and the check of its configuration files said about the
 *        build it runs or failed with, errors and warnings, as values (file relative to
 *        {@code origin}, line, column, message); {@code problems} holds the errors printed. Empty
 *        for a build taken from the cache, which had none, and for a prebuilt jar
 */
public record PluginRecord(String name, String version, String location, long bundleId, String sourceDigest, String origin,
    PluginState state, boolean fromCache, long buildMillis, long startMillis, List<ComponentState> components,
    List<String> problems, List<String> stuckThreads, List<Diagnostic> diagnostics) {

    public PluginRecord {
        components = List.copyOf(components);
        problems = List.copyOf(problems);
        stuckThreads = List.copyOf(stuckThreads);
        diagnostics = List.copyOf(diagnostics);
    }

    /** A record without diagnostics as values. */
    public PluginRecord(String name, String version, String location, long bundleId, String sourceDigest, String origin,
        PluginState state, boolean fromCache, long buildMillis, long startMillis, List<ComponentState> components,
        List<String> problems, List<String> stuckThreads) {
        this(name, version, location, bundleId, sourceDigest, origin, state, fromCache, buildMillis, startMillis, components, problems,
            stuckThreads, List.of());
    }

    /** A record of a plugin none of whose threads was stuck. */
    public PluginRecord(String name, String version, String location, long bundleId, String sourceDigest, String origin,
        PluginState state, boolean fromCache, long buildMillis, long startMillis, List<ComponentState> components,
        List<String> problems) {
        this(name, version, location, bundleId, sourceDigest, origin, state, fromCache, buildMillis, startMillis, components, problems,
            List.of(), List.of());
    }

    /** @return a copy with another state and component list */
    public PluginRecord with(PluginState newState, List<ComponentState> newComponents) {
        return new PluginRecord(name, version, location, bundleId, sourceDigest, origin, newState, fromCache, buildMillis,
            startMillis, newComponents, problems, stuckThreads, diagnostics);
    }
}
