package dev.graft.test.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import dev.graft.cache.PluginCache;

/**
 * Points the plugin cache at a directory that a test named, through Configuration Admin, and
 * puts the previous configuration back afterwards.
 */
public final class CacheDirectory implements AutoCloseable {

    private static final long WAIT_MILLIS = 10_000;

    /** Holds Configuration Admin while the redirection lasts: a released Configuration Admin of Felix's cannot be used again. */
    private final ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> admin;
    private final Configuration configuration;
    private final Dictionary<String, Object> previous;
    private final PluginCache cache;
    private final Path dir;

    private CacheDirectory(ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> admin, Configuration configuration, Dictionary<String, Object> previous, PluginCache cache, Path dir) {
        this.admin = admin;
        this.configuration = configuration;
        this.previous = previous;
        this.cache = cache;
        this.dir = dir;
    }

    /**
     * @param context a bundle context
     * @param dir the directory the cache is to use
     * @return the redirection; closing it restores the previous configuration
     * @throws IOException when Configuration Admin cannot store the configuration
     */
    public static CacheDirectory redirect(BundleContext context, Path dir) throws IOException {
        PluginCache cache = ServiceLookup.await(context, PluginCache.class);
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> admin = new ServiceTracker<>(context, ConfigurationAdmin.class, null);
        admin.open();
        try {
            Configuration configuration = configurationAdmin(admin).getConfiguration(PluginCache.PID, "?");
            Dictionary<String, Object> previous = configuration.getProperties();
            Dictionary<String, Object> properties = new Hashtable<>();
            if (previous != null) {
                for (var keys = previous.keys(); keys.hasMoreElements();) {
                    String key = keys.nextElement();
                    properties.put(key, previous.get(key));
                }
            }
            properties.put("dir", dir.toString());
            configuration.update(properties);
            CacheDirectory redirect = new CacheDirectory(admin, configuration, previous, cache, dir.toAbsolutePath().normalize());
            redirect.await(true);
            return redirect;
        } catch (IOException | RuntimeException e) {
            admin.close();
            throw e;
        }
    }

    private static ConfigurationAdmin configurationAdmin(ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> tracker) {
        try {
            ConfigurationAdmin admin = tracker.waitForService(WAIT_MILLIS);
            if (admin == null) {
                throw new IllegalStateException("no Configuration Admin service within " + WAIT_MILLIS + " ms");
            }
            return admin;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Configuration Admin", e);
        }
    }

    /** Configuration Admin tells the cache asynchronously: wait until it uses, or no longer uses, the directory. */
    private void await(boolean inUse) {
        long end = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
        while (dir.equals(cache.directory().toAbsolutePath().normalize()) != inUse) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the plugin cache did not " + (inUse ? "move to " : "leave ") + dir + " within "
                    + WAIT_MILLIS + " ms; it uses " + cache.directory());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while moving the plugin cache", e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (previous == null) {
            configuration.delete();
        } else {
            configuration.update(previous);
        }
        try {
            await(false);
        } finally {
            admin.close();
        }
    }
}
