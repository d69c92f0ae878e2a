package dev.graft.test.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A test's values laid over a configuration of a plugin, bound to the plugin bundle's location,
 * and how to put back what was there before: the plugin's own values (from its {@code config/}
 * files, bound to its location by the host) or nothing.
 */
public final class ConfigurationChange {

    private final Configuration configuration;
    private final String pid;
    private final String location;
    private final String previousLocation;
    private final Dictionary<String, Object> previous;
    private final Map<String, Object> applied;

    private ConfigurationChange(Configuration configuration, String pid, String location, String previousLocation,
        Dictionary<String, Object> previous, Map<String, Object> applied) {
        this.configuration = configuration;
        this.pid = pid;
        this.location = location;
        this.previousLocation = previousLocation;
        this.previous = previous;
        this.applied = applied;
    }

    /**
     * Lays the values over the configuration of the PID, key by key, and binds it to the location.
     *
     * @param admin Configuration Admin
     * @param pid the configuration PID
     * @param location the plugin bundle's location
     * @param values the test's values
     * @return the change, to be restored
     * @throws IOException when Configuration Admin cannot store it
     */
    public static ConfigurationChange apply(ConfigurationAdmin admin, String pid, String location, Map<String, ?> values) throws IOException {
        Configuration configuration = admin.getConfiguration(pid, location);
        Dictionary<String, Object> previous = configuration.getProperties();
        String previousLocation = configuration.getBundleLocation();
        Map<String, Object> merged = new LinkedHashMap<>();
        if (previous != null) {
            for (Enumeration<String> keys = previous.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                if (!key.equals(Constants.SERVICE_PID) && !key.equals(ConfigurationAdmin.SERVICE_BUNDLELOCATION)
                    && !key.equals(ConfigurationAdmin.SERVICE_FACTORYPID)) {
                    merged.put(key, previous.get(key));
                }
            }
        }
        merged.putAll(values);
        if (!location.equals(previousLocation)) {
            configuration.setBundleLocation(location);
        }
        configuration.update(new Hashtable<>(merged));
        return new ConfigurationChange(configuration, pid, location, previousLocation, previous, merged);
    }

    /** @return the PID */
    public String pid() {
        return pid;
    }

    /** @return the location the configuration was bound to */
    public String location() {
        return location;
    }

    /** @return the values the configuration has now: the plugin's own with the test's laid over them */
    public Map<String, Object> applied() {
        return applied;
    }

    /** @return whether the plugin had values of its own for the PID, which {@link #restore()} puts back */
    public boolean hadValues() {
        return previous != null;
    }

    /**
     * Puts back what was there: the previous values and location, or no configuration at all.
     * A configuration that the host deleted or moved meanwhile (the plugin was swapped or
     * unloaded) is left to the host.
     *
     * @throws IOException when Configuration Admin fails
     */
    public void restore() throws IOException {
        String now;
        try {
            now = configuration.getBundleLocation();
        } catch (IllegalStateException deleted) {
            return;
        }
        if (!location.equals(now)) {
            return;
        }
        if (previous == null) {
            configuration.delete();
            return;
        }
        if (previousLocation != null && !previousLocation.equals(location)) {
            configuration.setBundleLocation(previousLocation);
        }
        configuration.update(previous);
    }

    /**
     * @return whether the configuration was bound elsewhere before the test bound it to the
     *         plugin (to {@code "?"} or another bundle), so that it must be given back even when
     *         the plugin goes: the host deletes what is bound to a plugin's location when it unloads it
     */
    public boolean belongedElsewhere() {
        return previous != null && previousLocation != null && !previousLocation.equals(location);
    }

    /** @return the previous values as a map, empty when there were none */
    public Map<String, Object> previous() {
        Map<String, Object> map = new LinkedHashMap<>();
        if (previous != null) {
            for (Enumeration<String> keys = previous.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                map.put(key, previous.get(key));
            }
        }
        return map;
    }
}
