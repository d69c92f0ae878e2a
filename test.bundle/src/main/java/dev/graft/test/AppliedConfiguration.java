package dev.graft.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import dev.graft.test.internal.ConfigurationChange;

/**
 * A configuration that a test gave a plugin's component through {@link PluginKit#configure}: the
 * test's values laid over the plugin's own (from its {@code config/PID.cfg}), bound to the plugin
 * bundle's location. Closing it, or the end of the kit's scope, puts back the plugin's own values,
 * or deletes the configuration when the plugin had none.
 */
public final class AppliedConfiguration implements AutoCloseable {

    private final PluginKit kit;
    private final LoadedPlugin plugin;
    private final ConfigurationChange change;
    private final Duration timeout;
    private boolean closed;

    AppliedConfiguration(PluginKit kit, LoadedPlugin plugin, ConfigurationChange change, Duration timeout) {
        this.kit = kit;
        this.plugin = plugin;
        this.change = change;
        this.timeout = timeout;
    }

    /** @return the configuration PID */
    public String pid() {
        return change.pid();
    }

    /** @return the location the configuration is bound to: the plugin bundle's */
    public String location() {
        return change.location();
    }

    /** @return the values the component was given: the plugin's own with the test's laid over them */
    public Map<String, Object> properties() {
        return change.applied();
    }

    /** @return the plugin the configuration is for */
    public LoadedPlugin plugin() {
        return plugin;
    }

    /**
     * Puts back the plugin's own values (and waits until its component has them again, while the
     * plugin is loaded), or deletes the configuration when the plugin had none. Closing twice does
     * nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            change.restore();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore the configuration " + pid() + " of plugin " + plugin.name(), e);
        }
        if (change.hadValues() && plugin.current().isPresent()) {
            Map<String, Object> own = change.previous();
            own.remove("service.pid");
            own.remove("service.bundleLocation");
            kit.awaitComponentConfiguration(plugin, pid(), own, timeout, "its own configuration back");
        }
    }

    /**
     * Leaves the configuration to the host, which deletes what is bound to the plugin's location
     * when the kit unloads the plugin next, unless it belonged to another location before: then it
     * goes back there. Changing it now would only make Declarative Services reconfigure a
     * component that is about to stop.
     */
    void releaseWithPlugin() {
        if (closed) {
            return;
        }
        closed = true;
        if (!change.belongedElsewhere()) {
            return;
        }
        try {
            change.restore();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore the configuration " + pid() + " of plugin " + plugin.name(), e);
        }
    }

    @Override
    public String toString() {
        return "configuration " + pid() + " of plugin " + plugin.name() + " " + properties();
    }
}
