package dev.graft.host.internal.start;

import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;

/**
 * The registry as Graft itself uses it: besides reading records, it hands out bundle locations and
 * takes the new records. Only the loader and the swaps hold it; everyone else sees
 * {@link PluginRegistry}, which only reads.
 */
public interface RecordKeeper extends PluginRegistry {

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
