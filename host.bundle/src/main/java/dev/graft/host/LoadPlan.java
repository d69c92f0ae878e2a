package dev.graft.host;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plugins of some sites in the order they load (every plugin after the ones it depends on),
 * and what is wrong with the sites themselves.
 *
 * @param plugins the plugins in load order
 * @param problems shadowed copies, refused links, unreadable folders, cycles, missing providers and
 *        split packages, one line each,
 *        naming the chain ({@code b -> c -> b})
 * @param blocked the plugins that cannot load because of a cycle or a missing provider, each with
 *        the problem that blocks it, in load order
 */
public record LoadPlan(List<FoundPlugin> plugins, List<String> problems, Map<String, String> blocked) {

    public LoadPlan {
        plugins = List.copyOf(plugins);
        problems = List.copyOf(problems);
        blocked = Collections.unmodifiableMap(new LinkedHashMap<>(blocked));
    }
}
