package dev.graft.host;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of plugins as they are loaded, fail and are unloaded. Register an implementation as a
 * service (whiteboard); the registry calls every registered listener.
 */
@ConsumerType
public interface PluginListener {

    /** @param plugin a plugin that is now active */
    default void loaded(PluginRecord plugin) {
    }

    /** @param plugin a plugin that failed or was skipped; nothing of it stays installed */
    default void failed(PluginRecord plugin) {
    }

    /** @param plugin a plugin whose bundle was uninstalled */
    default void unloaded(PluginRecord plugin) {
    }
}
