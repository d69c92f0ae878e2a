package dev.graft.host.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import dev.graft.cache.PluginCache;

/** Points the cache at the directory of {@code --cache DIR}, through Configuration Admin. */
final class CacheSettings {

    static final String PID = "dev.graft.cache";

    private CacheSettings() {
    }

    static void useDirectory(ConfigurationAdmin cm, PluginCache cache, String dir) throws IOException {
        Path wanted = Path.of(dir).toAbsolutePath().normalize();
        if (cache.directory().toAbsolutePath().normalize().equals(wanted)) {
            return;
        }
        Configuration c = cm.getConfiguration(PID, "?");
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        props.put("dir", wanted.toString());
        c.update(props);
        long end = System.nanoTime() + 10_000_000_000L;
        while (!cache.directory().toAbsolutePath().normalize().equals(wanted)) {
            if (System.nanoTime() > end) {
                throw new IOException("the cache did not take the directory " + wanted);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
    }
}
