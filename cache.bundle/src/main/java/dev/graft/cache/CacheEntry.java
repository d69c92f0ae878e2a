package dev.graft.cache;

import java.time.Instant;
import java.util.List;

import dev.graft.compiler.WiredPackage;

/**
 * What the cache knows about one stored build.
 *
 * @param key the full key in hex
 * @param content the key without the host, in hex (see {@link CacheKey#content()})
 * @param host the canonical host fingerprint the build was made on
 * @param name the plugin's name
 * @param size the size of the bundle jar in bytes
 * @param sha256 the SHA-256 of the bundle jar in hex
 * @param sourceDigest the build's source digest, as in its provenance header
 * @param created when the entry was stored
 * @param lastUsed when the entry was last stored or found
 * @param compiledAgainst the wiring the bundle was compiled against
 */
public record CacheEntry(String key, String content, String host, String name, long size, String sha256,
    String sourceDigest, Instant created, Instant lastUsed, List<WiredPackage> compiledAgainst) {

    public CacheEntry {
        compiledAgainst = List.copyOf(compiledAgainst);
    }

    /**
     * @param time the new last-used time
     * @return this entry with another last-used time
     */
    public CacheEntry usedAt(Instant time) {
        return new CacheEntry(key, content, host, name, size, sha256, sourceDigest, created, time, compiledAgainst);
    }
}
