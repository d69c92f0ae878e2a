package dev.graft.host.internal.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import dev.graft.compiler.PluginConfiguration;
import dev.graft.host.PluginRecord;
import dev.graft.host.internal.start.ConfigurationBinding;

/**
 * The configuration of a loaded plugin as {@code graft:config} shows it: the values Configuration
 * Admin holds for its bundle location, each with the file and line Graft took it from. A value
 * that differs from what Graft applied (someone changed it in Configuration Admin since), and a key
 * or a configuration Graft did not set, says so instead of naming a file.
 */
final class LoadedConfiguration {

    /** What a value that Graft did not set (or that changed since) shows as its origin. */
    static final String SET_IN_CONFIGURATION_ADMIN = "set in Configuration Admin, not by Graft";

    private static final Set<String> ADMIN_KEYS = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
        ConfigurationAdmin.SERVICE_BUNDLELOCATION);

    private LoadedConfiguration() {
    }

    /**
     * @param plugin a loaded plugin's record
     * @param applied what Graft gave its location, as written, with origins
     * @param admin Configuration Admin
     * @return one entry per configuration bound to the plugin's location
     */
    static List<ConfigurationListing.Entry> of(PluginRecord plugin, List<PluginConfiguration> applied, ConfigurationAdmin admin)
        throws IOException {
        List<ConfigurationListing.Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Configuration c : ConfigurationBinding.boundTo(admin, plugin.location())) {
            Dictionary<String, Object> values = c.getProperties();
            if (values == null) {
                continue;
            }
            Optional<PluginConfiguration> written = applied.stream().filter(w -> w.id().equals(c.getPid())).findFirst();
            written.ifPresent(w -> seen.add(w.id()));
            List<ConfigurationListing.Row> rows = new ArrayList<>();
            for (String key : Collections.list(values.keys())) {
                if (!ADMIN_KEYS.contains(key)) {
                    rows.add(row(key, values.get(key), written.flatMap(w -> w.property(key)), plugin.origin()));
                }
            }
            String factoryPid = c.getFactoryPid();
            Optional<String> factoryName = factoryPid == null ? Optional.empty()
                : Optional.of(c.getPid().startsWith(factoryPid + "~") ? c.getPid().substring(factoryPid.length() + 1) : c.getPid());
            entries.add(new ConfigurationListing.Entry(factoryPid == null ? c.getPid() : factoryPid, factoryName,
                written.isPresent() ? "" : "(" + SET_IN_CONFIGURATION_ADMIN + ")", rows));
        }
        for (PluginConfiguration w : applied) {
            if (!seen.contains(w.id())) {
                entries.add(new ConfigurationListing.Entry(w.pid(), w.factoryName(), "(deleted from Configuration Admin since Graft set it)",
                    List.of()));
            }
        }
        entries.sort((a, b) -> a.id().compareTo(b.id()));
        return entries;
    }

    private static ConfigurationListing.Row row(String key, Object value, Optional<PluginConfiguration.Property> written, String folder) {
        if (written.isPresent() && PluginConfiguration.isSecret(written.get().value())) {
            // the value holds a resolved secret: never compared, never shown
            return new ConfigurationListing.Row(key, "***", ConfigurationListing.origin(folder, written.get()));
        }
        if (written.isPresent() && Arrays.deepEquals(new Object[] {written.get().value()}, new Object[] {value})) {
            return new ConfigurationListing.Row(key, PluginConfiguration.shown(value), ConfigurationListing.origin(folder, written.get()));
        }
        return new ConfigurationListing.Row(key, PluginConfiguration.shown(value), SET_IN_CONFIGURATION_ADMIN);
    }
}
