package dev.graft.host.internal;

import java.nio.file.Path;
import java.util.Locale;

import dev.graft.cache.Lookup;
import dev.graft.compiler.SourceException;
import dev.graft.compiler.SourcePlugin;

/** Whether the cache holds a valid build of a plugin folder, in one word. */
final class CacheState {

    private CacheState() {
    }

    static String of(Host host, Path folder) {
        try {
            SourcePlugin plugin = host.compiler().read(folder);
            Lookup lookup = host.cache().find(host.cache().key(plugin, host.compiler().defaultOptions()));
            return lookup.isHit() ? "hit" : lookup.reason().orElseThrow().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        } catch (SourceException e) {
            return "unreadable";
        }
    }
}
