package dev.graft.host.internal.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.graft.host.FoundPlugin;

/**
 * Splits plugins in load order into waves: a plugin is in the wave after the last of its
 * dependencies, so the plugins of one wave are independent and can be built in parallel.
 */
public final class Waves {

    private Waves() {
    }

    public static List<List<FoundPlugin>> of(List<FoundPlugin> ordered) {
        Map<String, Integer> waveOf = new HashMap<>();
        List<List<FoundPlugin>> waves = new ArrayList<>();
        for (FoundPlugin p : ordered) {
            int wave = 0;
            for (String dep : p.dependencies()) {
                Integer w = waveOf.get(dep);
                if (w != null) {
                    wave = Math.max(wave, w + 1);
                }
            }
            waveOf.put(p.name(), wave);
            while (waves.size() <= wave) {
                waves.add(new ArrayList<>());
            }
            waves.get(wave).add(p);
        }
        return waves;
    }
}
