package dev.graft.host.internal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import dev.graft.cache.PluginCache;

/**
 * Points the cache at the directory of {@code --cache DIR} and sets the limit of
 * {@code --cache-max-entries N}, through Configuration Admin, and waits until the cache uses them.
 */
final class CacheSettings {

    static final String PID = "dev.graft.cache";
    private static final long TAKE_NANOS = 10_000_000_000L;

    private CacheSettings() {
    }

    /**
     * @param dir the directory, or null to keep the configured one
     * @param maxEntries the most entries to keep, or null to keep the configured limit
     */
    static void use(ConfigurationAdmin cm, PluginCache cache, String dir, Integer maxEntries) throws IOException {
        Path wanted = dir == null ? cache.directory().toAbsolutePath().normalize() : Path.of(dir).toAbsolutePath().normalize();
        int limit = maxEntries == null ? cache.maxEntries() : maxEntries;
        if (taken(cache, wanted, limit)) {
            return;
        }
        Configuration c = cm.getConfiguration(PID, "?");
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        if (dir != null) {
            props.put("dir", wanted.toString());
        }
        if (maxEntries != null) {
            props.put("maxEntries", maxEntries);
        }
        c.update(props);
        long end = System.nanoTime() + TAKE_NANOS;
        while (!taken(cache, wanted, limit)) {
            if (System.nanoTime() > end) {
                throw new IOException("the cache did not take the directory " + wanted + " with at most " + limit + " entries");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
    }

    private static boolean taken(PluginCache cache, Path directory, int maxEntries) {
        return cache.directory().toAbsolutePath().normalize().equals(directory) && cache.maxEntries() == maxEntries;
    }
}
