package dev.graft.host.internal.cli;

import java.nio.file.Path;
import java.util.Locale;

import dev.graft.cache.Lookup;
import dev.graft.cache.MissReason;
import dev.graft.compiler.SourceException;
import dev.graft.compiler.SourcePlugin;
import dev.graft.host.internal.plan.SiteOptions;

/** Whether the cache holds a valid build of a plugin folder, in one word. */
final class CacheState {

    private CacheState() {
    }

    /**
     * @param host the services
     * @param folder the plugin folder
     * @param dependsOnPlugins whether the plugin imports packages of other source plugins; its
     *        entry's wiring can only be checked once they are loaded, so it shows as {@code stored}
     * @return {@code hit}, {@code stored}, or the reason of the miss
     */
    static String of(CommandServices host, Path folder, boolean dependsOnPlugins) {
        try {
            SourcePlugin plugin = host.compiler().read(folder);
            Lookup lookup = host.cache().find(host.cache().key(plugin, SiteOptions.options(folder, host.compiler().defaultOptions())));
            if (lookup.isHit()) {
                return "hit";
            }
            MissReason reason = lookup.reason().orElseThrow();
            if (reason == MissReason.STALE_WIRING && dependsOnPlugins) {
                return "stored";
            }
            return reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        } catch (SourceException | java.io.IOException e) {
            return "unreadable";
        }
    }
}
