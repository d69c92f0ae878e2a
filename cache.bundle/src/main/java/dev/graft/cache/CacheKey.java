package dev.graft.cache;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The key of a build in the cache.
 *
 * @param value the full key in hex: SHA-256 over {@code content} and {@code host}
 * @param content SHA-256 in hex over the plugin's sorted relative paths and bytes and the
 *        canonical compile options: what the key is without the host
 * @param host the canonical host fingerprint the key was made for
 * @param pluginName the plugin's name (informative, not part of the key)
 */
public record CacheKey(String value, String content, String host, String pluginName) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    /**
     * @throws IllegalArgumentException when a digest is not 64 lower-case hex digits
     */
    public CacheKey {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(pluginName, "pluginName");
        if (value == null || !HEX.matcher(value).matches() || content == null || !HEX.matcher(content).matches()) {
            throw new IllegalArgumentException("a cache key is 64 lower-case hex digits: " + value + " / " + content);
        }
    }

    @Override
    public String toString() {
        return pluginName + "@" + value.substring(0, 12);
    }
}
