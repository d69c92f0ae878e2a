package dev.graft.host;

import java.util.Optional;

/**
 * What a typed load gave: the plugin's record and, when it loaded and provides the type the host
 * asked for, the plugin's service of that type.
 *
 * @param <T> the service type the host expects
 * @param plugin the plugin's record; FAILED, with the reason, when it does not provide the type
 * @param service the plugin's service, or empty when it failed
 */
public record PluginService<T>(PluginRecord plugin, Optional<T> service) {
}
