package dev.graft.host.internal.start;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

import dev.graft.compiler.PluginConfiguration;

/**
 * What Graft last handed to Configuration Admin for each bundle location: the configurations as
 * written (a {@code ${env:}} value unresolved), with the file and line of every value, so that
 * {@code graft:config} can say where each value of a running plugin comes from. Configuration
 * Admin keeps the values; this keeps only their origins.
 */
@Component(service = AppliedConfigurations.class)
public final class AppliedConfigurations {

    private final Map<String, List<PluginConfiguration>> byLocation = new ConcurrentHashMap<>();

    /** Records the configurations a location was given, replacing what it had. */
    void record(String location, List<PluginConfiguration> configurations) {
        byLocation.put(location, List.copyOf(configurations));
    }

    /** Forgets a location whose configurations were released. */
    void forget(String location) {
        byLocation.remove(location);
    }

    /**
     * @param location a bundle location
     * @return the configurations Graft gave it, as written; empty when it gave none
     */
    public List<PluginConfiguration> of(String location) {
        return byLocation.getOrDefault(location, List.of());
    }
}
