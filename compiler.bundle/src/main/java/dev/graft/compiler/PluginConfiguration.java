package dev.graft.compiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One configuration file of a plugin: {@code config/PID.cfg} or {@code config/PID.json}, or a
 * factory configuration {@code config/FACTORYPID~NAME.cfg|json}. A value stays as written
 * ({@code ${env:NAME}} unresolved): the host resolves it when it applies the configuration, so a
 * resolved secret is never part of this value.
 *
 * @param file the file's path, relative to the plugin folder (or to a deployment folder)
 * @param pid the PID, or for a factory configuration the factory PID
 * @param factoryName the name of a factory configuration's instance, empty for a singleton
 * @param properties the properties in the order of the file
 */
public record PluginConfiguration(String file, String pid, Optional<String> factoryName, List<Property> properties) {

    /**
     * One property.
     *
     * @param key the key, without a type suffix
     * @param value a {@code String} (every value of a {@code .cfg} file and an untyped JSON string),
     *        {@code Long}, {@code Double}, {@code Boolean}, a typed value ({@code Integer},
     *        {@code Float}, ...) or an array of these
     * @param typed whether the file gave the value a type (JSON); an untyped {@code .cfg} value is
     *        converted to the type the metatype declares
     * @param file the file it came from
     * @param line its line in that file
     */
    public record Property(String key, Object value, boolean typed, String file, int line) {
    }

    public PluginConfiguration {
        properties = List.copyOf(properties);
    }

    /** @return the PID with the factory name: {@code pid~name} for a factory configuration, else the PID */
    public String id() {
        return factoryName.map(n -> pid + "~" + n).orElse(pid);
    }

    /** @return whether this is one instance of a factory configuration */
    public boolean isFactory() {
        return factoryName.isPresent();
    }

    /** @return the property of a key, if the file has one */
    public Optional<Property> property(String key) {
        return properties.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /**
     * This configuration overridden key by key: each property of {@code override} replaces the
     * one of the same key, and keys only the override has are added.
     *
     * @param override a deployment's file for the same PID (and factory name)
     * @return the merged configuration, under this file's name
     */
    public PluginConfiguration overriddenBy(PluginConfiguration override) {
        Map<String, Property> merged = new LinkedHashMap<>();
        properties.forEach(p -> merged.put(p.key(), p));
        override.properties().forEach(p -> merged.put(p.key(), p));
        return new PluginConfiguration(file, pid, factoryName, new ArrayList<>(merged.values()));
    }

    /** @return whether a value refers to an environment variable and so is a secret that is never shown resolved */
    public static boolean isSecret(Object value) {
        if (value instanceof String s) {
            return s.contains("${env:");
        }
        if (value instanceof Object[] array) {
            for (Object o : array) {
                if (isSecret(o)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return a value as it may be printed: {@code ***} for a secret, else its text */
    public static String shown(Object value) {
        if (isSecret(value)) {
            return "***";
        }
        if (value instanceof Object[] array) {
            return java.util.Arrays.toString(array);
        }
        if (value != null && value.getClass().isArray()) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
                b.append(i == 0 ? "" : ", ").append(java.lang.reflect.Array.get(value, i));
            }
            return b.append(']').toString();
        }
        return String.valueOf(value);
    }
}
