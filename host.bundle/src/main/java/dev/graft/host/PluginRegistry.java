package dev.graft.host;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one record of what is loaded: each source plugin's bundle, state, timings and components.
 * It also hands out bundle locations, each of which is used at most once in the framework's
 * life, so that no bundle is ever installed twice under one location.
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

    /**
     * Hands out a bundle location that has never been used in this framework:
     * {@code graft:<name>/<digest12>/<n>}.
     *
     * @param name the plugin's name
     * @param sourceDigest the plugin's source digest (hex, at least 12 characters)
     * @return the new location
     */
    String newLocation(String name, String sourceDigest);

    /**
     * Records a plugin's new state and tells the listeners.
     *
     * @param record the record
     */
    void record(PluginRecord record);
}
