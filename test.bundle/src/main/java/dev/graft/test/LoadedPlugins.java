package dev.graft.test;

import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginState;

/** Clean-up for tests that load plugins: call {@link #unloadAll} after each test. */
public final class LoadedPlugins {

    private LoadedPlugins() {
    }

    /**
     * Unloads every plugin that is loaded (with the plugins that depend on it), so the next test
     * starts from an empty host.
     *
     * @param loader the loader
     * @param registry the registry that knows what is loaded
     */
    public static void unloadAll(PluginLoader loader, PluginRegistry registry) {
        for (PluginRecord r : registry.plugins()) {
            if (r.state() != PluginState.FAILED && r.state() != PluginState.SKIPPED && r.state() != PluginState.UNLOADED) {
                loader.unload(r.name(), true);
            }
        }
    }
}
