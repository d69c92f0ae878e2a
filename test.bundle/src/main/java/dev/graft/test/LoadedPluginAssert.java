package dev.graft.test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.graft.host.ComponentState;
import dev.graft.host.PluginState;
import dev.graft.host.RetiredRevision;
import dev.graft.test.internal.Retirement;

/** Assertions on a plugin the kit loaded: its state, its components, its services, its retirement. */
public final class LoadedPluginAssert {

    private final LoadedPlugin plugin;

    LoadedPluginAssert(LoadedPlugin plugin) {
        this.plugin = plugin;
    }

    /**
     * Passes when the plugin is loaded and active.
     *
     * @return this
     */
    public LoadedPluginAssert isActive() {
        return hasState(PluginState.ACTIVE);
    }

    /**
     * Passes when the plugin is in a state.
     *
     * @param expected the state
     * @return this
     */
    public LoadedPluginAssert hasState(PluginState expected) {
        PluginState actual = plugin.state();
        if (actual != expected) {
            throw new AssertionError("expected plugin " + plugin.name() + " to be " + expected + ", but it is " + actual
                + (plugin.problems().isEmpty() ? "" : ":\n  " + String.join("\n  ", plugin.problems())));
        }
        return this;
    }

    /**
     * Passes when the plugin has a problem line containing a text (a compile error in javac's
     * format, an activator that threw, a component that failed).
     *
     * @param text part of the problem
     * @return this
     */
    public LoadedPluginAssert hasProblemContaining(String text) {
        if (plugin.problems().stream().noneMatch(p -> p.contains(text))) {
            throw new AssertionError("expected plugin " + plugin.name() + " to have a problem containing \"" + text + "\", but "
                + (plugin.problems().isEmpty() ? "it has none" : "its problems are:\n  " + String.join("\n  ", plugin.problems())));
        }
        return this;
    }

    /**
     * Passes when the plugin has at least one DS component and every one is active or
     * satisfied (a delayed component that nobody uses yet).
     *
     * @return this
     */
    public LoadedPluginAssert hasAllComponentsActive() {
        List<ComponentState> components = plugin.components();
        if (components.isEmpty() || !components.stream().allMatch(LoadedPluginAssert::running)) {
            throw new AssertionError("expected every component of plugin " + plugin.name() + " to be active, but "
                + describe(components));
        }
        return this;
    }

    /**
     * Passes when the plugin has a DS component of that name that is active or satisfied.
     *
     * @param componentName the component name, by default its class name
     * @return this
     */
    public LoadedPluginAssert hasActiveComponent(String componentName) {
        List<ComponentState> components = plugin.components();
        if (components.stream().noneMatch(c -> c.name().equals(componentName) && running(c))) {
            throw new AssertionError("expected plugin " + plugin.name() + " to have active component " + componentName + ", but "
                + describe(components));
        }
        return this;
    }

    /**
     * Passes when the plugin's bundle registers a service under a type.
     *
     * @param type the service type
     * @return this
     */
    public LoadedPluginAssert providesService(Class<?> type) {
        return providesService(type.getName());
    }

    /**
     * Passes when the plugin's bundle registers a service under a type name.
     *
     * @param objectClass the service type name
     * @return this
     */
    public LoadedPluginAssert providesService(String objectClass) {
        List<String> names = plugin.serviceNames();
        if (!names.contains(objectClass)) {
            throw new AssertionError("expected plugin " + plugin.name() + " (bundle " + plugin.bundleId() + ") to provide a "
                + objectClass + " service, but it provides " + (names.isEmpty() ? "none" : names));
        }
        return this;
    }

    /**
     * Passes when this version was unloaded or swapped out and its class loader becomes
     * unreachable within the timeout: nothing (a thread it started, a static elsewhere) pins it.
     *
     * @param timeout how long to wait, collecting garbage meanwhile
     * @return this
     */
    public LoadedPluginAssert isCollectableWithin(Duration timeout) {
        if (plugin.bundle().isPresent()) {
            throw new AssertionError("expected plugin " + plugin.name() + " (bundle " + plugin.bundleId()
                + ") to be collectable, but it is still installed: unload or swap it first");
        }
        Optional<RetiredRevision> pinned = Retirement.pinnedAfter(plugin.kit().loader(), plugin.bundleId(), timeout);
        if (pinned.isPresent()) {
            throw new AssertionError("expected the retired version of plugin " + plugin.name() + " (bundle " + plugin.bundleId()
                + ", " + pinned.get().location() + ") to be collected within " + timeout.toMillis() + " ms, but its class loader "
                + "is still reachable " + pinned.get().retiredMillisAgo() + " ms after it was retired: something holds one of "
                + "its classes or objects (a thread it started, a listener, a static field elsewhere)");
        }
        return this;
    }

    private static boolean running(ComponentState c) {
        return c.state().equals("active") || c.state().equals("satisfied");
    }

    private String describe(List<ComponentState> components) {
        if (components.isEmpty()) {
            return "it has none" + (plugin.state() == PluginState.ACTIVE ? "" : " (it is " + plugin.state() + ")");
        }
        StringBuilder b = new StringBuilder("its components are:");
        for (ComponentState c : components) {
            b.append("\n  ").append(c.name()).append(": ").append(c.state());
            if (!c.failure().isEmpty()) {
                b.append(" (").append(c.failure().lines().findFirst().orElse("")).append(')');
            }
        }
        return b.toString();
    }
}
