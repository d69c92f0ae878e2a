package dev.graft.cache.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.graft.cache.CacheKey;
import dev.graft.compiler.CompileOptions;
import dev.graft.compiler.SourcePlugin;

/** SHA-256 helpers and the computation of cache keys. */
public final class Digests {

    private static final byte[] KEY_PREFIX = "graft-cache-key 3\n".getBytes(StandardCharsets.UTF_8);

    private Digests() {
    }

    /** @return a fresh SHA-256 digest */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /**
     * @param bytes some bytes
     * @return their SHA-256 in lower-case hex
     */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /**
     * Computes a key: the content digest covers the plugin's name, its source digest ({@link SourcePlugin#digest()}, the
     * one digest of its files) and the canonical options; the full key adds the host fingerprint. Separators make the
     * encoding unambiguous (no two inputs share a byte stream).
     *
     * @param plugin the plugin's sources
     * @param options its compile options
     * @param host the canonical host fingerprint
     * @return the key
     */
    public static CacheKey key(SourcePlugin plugin, CompileOptions options, String host) {
        MessageDigest sha = sha256();
        sha.update(KEY_PREFIX);
        // the name becomes the Bundle-SymbolicName when bnd.bnd names none: a copied folder is another bundle
        sha.update(plugin.name().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(plugin.digest().getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) 0);
        sha.update("options\0".getBytes(StandardCharsets.UTF_8));
        sha.update(options.canonical().getBytes(StandardCharsets.UTF_8));
        String content = HexFormat.of().formatHex(sha.digest());
        return new CacheKey(full(content, host), content, host, plugin.name());
    }

    /**
     * @param content a content digest in hex
     * @param host a canonical host fingerprint
     * @return the full key in hex
     */
    public static String full(String content, String host) {
        return hex((content + "\n" + host).getBytes(StandardCharsets.UTF_8));
    }
}
