package dev.graft.host;

import java.util.List;

/**
 * The plugins of some sites in the order they load (every plugin after the ones it depends on),
 * and what is wrong with the sites themselves.
 *
 * @param plugins the plugins in load order
 * @param problems shadowed copies, refused links, cycles and missing providers, one line each,
 *        naming the chain ({@code b -> c -> b})
 * @param blocked plugins that cannot load because of a cycle or a missing provider, by name
 */
public record LoadPlan(List<FoundPlugin> plugins, List<String> problems, List<String> blocked) {

    public LoadPlan {
        plugins = List.copyOf(plugins);
        problems = List.copyOf(problems);
        blocked = List.copyOf(blocked);
    }
}
