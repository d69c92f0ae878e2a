package dev.graft.host;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one record of what is loaded: each source plugin's bundle, state, timings and components.
 * It only reads: the records are written by Graft's loader.
 */
@ProviderType
public interface PluginRegistry {

    /**
     * @return the latest record of every plugin this registry has seen, by name; a loaded plugin's
     *         state and components are read from the framework now (see {@link #plugin})
     */
    List<PluginRecord> plugins();

    /**
     * @param name a plugin name
     * @return the latest record of that plugin; when it is loaded, with the state of its bundle as
     *         it is now ({@link PluginState#UNRESOLVED} with the missing import when it lost its
     *         wiring, {@link PluginState#STOPPED} when it is resolved but not running) and its
     *         components' current states
     */
    Optional<PluginRecord> plugin(String name);
}
