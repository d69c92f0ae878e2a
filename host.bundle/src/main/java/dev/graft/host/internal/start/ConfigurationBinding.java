package dev.graft.host.internal.start;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import dev.graft.compiler.PluginConfiguration;

/**
 * A plugin's configurations in Configuration Admin, each bound to the location of the plugin's
 * bundle, so that no other bundle receives them; they are set before the bundle is installed, so
 * its components activate with them. A PID is one configuration in Configuration Admin: a swap
 * moves it to the new version's location, and gives it back (with the values it had) when the new
 * version goes without having replaced the old one. {@code ${env:NAME}} is resolved here, when the
 * values are handed to Configuration Admin, and nowhere else.
 */
public final class ConfigurationBinding {

    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)\\}");

    /** Where a configuration was bound before a location took it, and its values there. */
    private record Before(String location, Dictionary<String, Object> properties) {
    }

    private final ConfigurationAdmin admin;
    private final BundleContext context;
    private final UnaryOperator<String> environment;
    private final AppliedConfigurations applied;
    /** By location: the configurations it took from another location, by PID. */
    private final Map<String, Map<String, Before>> taken = new ConcurrentHashMap<>();

    /**
     * @param applied where the configurations given to each location are recorded with their origins
     */
    public ConfigurationBinding(ConfigurationAdmin admin, BundleContext context, UnaryOperator<String> environment,
        AppliedConfigurations applied) {
        this.admin = admin;
        this.context = context;
        this.environment = environment;
        this.applied = applied;
    }

    /**
     * Makes the configurations bound to a location exactly these: each is created or updated and
     * bound to the location (taken from another location when needed), and any other configuration
     * bound to the location is deleted.
     *
     * @throws IOException when Configuration Admin fails, or a value names an environment variable
     *         that is not set (the message names the file, line and variable, never a value)
     */
    public synchronized void bind(String location, List<PluginConfiguration> configurations) throws IOException {
        Set<String> wanted = new java.util.HashSet<>();
        for (PluginConfiguration c : configurations) {
            Dictionary<String, Object> properties = resolved(c);
            Configuration config = c.isFactory() ? admin.getFactoryConfiguration(c.pid(), c.factoryName().get(), null)
                : admin.getConfiguration(c.pid(), null);
            wanted.add(config.getPid());
            String bound = config.getBundleLocation();
            if (bound != null && !bound.equals(location) && config.getProperties() != null) {
                taken.computeIfAbsent(location, l -> new ConcurrentHashMap<>()).put(config.getPid(), new Before(bound, config.getProperties()));
            }
            if (!location.equals(bound)) {
                config.setBundleLocation(location);
            }
            config.updateIfDifferent(properties);
        }
        for (Configuration stale : boundTo(location)) {
            if (!wanted.contains(stale.getPid())) {
                stale.delete();
            }
        }
        applied.record(location, configurations);
    }

    /**
     * Releases the configurations of a location whose bundle is gone: each goes back to the
     * location it was taken from when that bundle is still installed (a failed swap), else it is
     * deleted.
     */
    public synchronized void release(String location) {
        Map<String, Before> before = taken.remove(location);
        applied.forget(location);
        try {
            for (Configuration c : boundTo(location)) {
                Before b = before == null ? null : before.get(c.getPid());
                if (b != null && context.getBundle(b.location()) != null) {
                    c.setBundleLocation(b.location());
                    c.update(b.properties());
                } else {
                    c.delete();
                }
            }
        } catch (IOException e) {
            System.getLogger("dev.graft.host").log(System.Logger.Level.WARNING, "cannot release the configurations of " + location + ": "
                + e.getMessage());
        }
    }

    private List<Configuration> boundTo(String location) throws IOException {
        return boundTo(admin, location);
    }

    /** The configurations Configuration Admin holds bound to a bundle location. */
    public static List<Configuration> boundTo(ConfigurationAdmin admin, String location) throws IOException {
        try {
            Configuration[] found = admin.listConfigurations("(" + ConfigurationAdmin.SERVICE_BUNDLELOCATION + "=" + escape(location) + ")");
            return found == null ? List.of() : List.of(found);
        } catch (InvalidSyntaxException e) {
            throw new IOException(e);
        }
    }

    private Dictionary<String, Object> resolved(PluginConfiguration c) throws IOException {
        Dictionary<String, Object> d = new Hashtable<>();
        for (PluginConfiguration.Property p : c.properties()) {
            d.put(p.key(), resolve(p, p.value()));
        }
        return d;
    }

    private Object resolve(PluginConfiguration.Property p, Object value) throws IOException {
        if (value instanceof String s && s.contains("${env:")) {
            Matcher m = ENV.matcher(s);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String v = environment.apply(m.group(1));
                if (v == null) {
                    throw new IOException(p.file() + ":" + p.line() + ": error: " + p.key() + ": the environment variable " + m.group(1)
                        + " is not set");
                }
                m.appendReplacement(b, Matcher.quoteReplacement(v));
            }
            m.appendTail(b);
            return b.toString();
        }
        if (value instanceof String[] array) {
            List<Object> out = new ArrayList<>();
            for (String s : array) {
                out.add(resolve(p, s));
            }
            return out.toArray(new String[0]);
        }
        return value;
    }

    private static String escape(String value) {
        StringBuilder b = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
