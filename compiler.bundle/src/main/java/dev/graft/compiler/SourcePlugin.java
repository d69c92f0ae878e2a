package dev.graft.compiler;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The content of a source plugin: its name and its files, each by a relative path with forward
 * slashes ({@code bnd.bnd}, {@code src/com/acme/Hello.java}, {@code resources/x.txt}).
 *
 * <p>The name is checked before anything else happens. The value holds the bytes, so it is the
 * exact input of a build and of its cache key.
 */
public final class SourcePlugin {

    /** What a plugin name may look like. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

    private final String name;
    private final SortedMap<String, byte[]> files;
    /** Computed once: the value is immutable. */
    private volatile String digest;

    private SourcePlugin(String name, SortedMap<String, byte[]> files) {
        this.name = name;
        this.files = files;
    }

    /**
     * Creates a source plugin from content in memory.
     *
     * @param name the plugin's name, matching {@link #NAME}
     * @param files the files by relative path; the bytes are copied
     * @return the plugin
     * @throws IllegalArgumentException when the name is invalid or a path is absolute, empty,
     *         uses backslashes or leaves the plugin folder
     */
    public static SourcePlugin of(String name, Map<String, byte[]> files) {
        checkName(name);
        SortedMap<String, byte[]> copy = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            copy.put(checkPath(e.getKey()), e.getValue().clone());
        }
        return new SourcePlugin(name, Collections.unmodifiableSortedMap(copy));
    }

    /**
     * Checks a plugin name.
     *
     * @param name the candidate
     * @return the name
     * @throws IllegalArgumentException naming the problem when the name is invalid
     */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid plugin name '" + name
                + "': a name is 1 to 64 characters of letters, digits, '_', '.' or '-' and does not start with '.' or '-'");
        }
        return name;
    }

    /**
     * Checks a relative file path of a plugin.
     *
     * @param path the candidate
     * @return the path
     * @throws IllegalArgumentException naming the problem when the path is not a plain relative path
     */
    public static String checkPath(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
            throw new IllegalArgumentException("invalid file path '" + path + "' in a source plugin");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("invalid file path '" + path + "': it must stay inside the plugin folder");
            }
        }
        return path;
    }

    /** @return the plugin's name */
    public String name() {
        return name;
    }

    /** @return the files by relative path, sorted by path; do not modify the arrays */
    public SortedMap<String, byte[]> files() {
        return files;
    }

    /** @return the total size of the files in bytes */
    public long size() {
        long size = 0;
        for (byte[] b : files.values()) {
            size += b.length;
        }
        return size;
    }

    /**
     * The source digest: SHA-256, in lower-case hex, over every file in path order, each as its
     * path in UTF-8, a zero byte, its length in decimal ASCII, a zero byte and its bytes. The name
     * is not part of it. It is the value of the {@link ProvenanceHeaders#SOURCE_DIGEST} header and
     * the part of the cache key that stands for the sources. The configuration files under
     * {@code config/} are not part of it: they are applied through Configuration Admin, never
     * compiled or packaged, so editing one needs no new build.
     *
     * @return the digest in hex
     */
    public String digest() {
        String known = digest;
        if (known == null) {
            known = computeDigest();
            digest = known;
        }
        return known;
    }

    private String computeDigest() {
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (e.getKey().startsWith(PluginConfigurations.FOLDER)) {
                continue;
            }
            sha.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Integer.toString(e.getValue().length).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            sha.update((byte) 0);
            sha.update(e.getValue());
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    @Override
    public String toString() {
        return "SourcePlugin[" + name + ", " + files.size() + " files]";
    }
}
