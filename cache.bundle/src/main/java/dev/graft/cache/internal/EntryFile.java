package dev.graft.cache.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.graft.cache.CacheEntry;
import dev.graft.compiler.WiredPackage;

/**
 * The format of one entry file, {@code entries/KEY.entry}: everything about a build in one file,
 * so that one atomic rename stores it.
 *
 * <pre>
 * 8 bytes   magic "GRAFTCE1"
 * 4 bytes   length of the header
 * header    UTF-8 lines "name=value" (key, content, host, name, size, sha256, source, created,
 *           and one "wired=package TAB exporter TAB version TAB digest" per imported package)
 * jar       the bundle jar, "size" bytes, whose SHA-256 is "sha256"
 * 32 bytes  SHA-256 of everything before it
 * </pre>
 *
 * A truncated, zeroed or flipped file fails the trailing checksum and is rejected.
 */
public final class EntryFile {

    /** Suffix of entry files. */
    public static final String SUFFIX = ".entry";

    private static final byte[] MAGIC = "GRAFTCE1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RECORD_MAGIC = "GRAFTAC1".getBytes(StandardCharsets.US_ASCII);
    private static final int CHECKSUM = 32;
    private static final int MAX_HEADER = 1 << 20;

    private EntryFile() {
    }

    /** An entry file failed its checks. */
    public static final class Corrupt extends Exception {
        private static final long serialVersionUID = 1L;

        Corrupt(String message) {
            super(message);
        }
    }

    /**
     * A decoded entry.
     *
     * @param entry the entry (its last-used time is its creation time)
     * @param jar the verified bundle jar
     */
    public record Decoded(CacheEntry entry, byte[] jar) {
    }

    /**
     * @param entry what to record (last-used is not stored: it is the file's modification time)
     * @param jar the bundle jar
     * @return the bytes of the entry file
     * @throws IllegalArgumentException when a recorded value contains a line break or a tab
     */
    public static byte[] encode(CacheEntry entry, byte[] jar) {
        byte[] head = header(entry, jar.length, Digests.hex(jar));
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + Integer.BYTES + head.length + jar.length + CHECKSUM);
        out.put(MAGIC).putInt(head.length).put(head).put(jar);
        MessageDigest sha = Digests.sha256();
        sha.update(out.array(), 0, out.position());
        out.put(sha.digest());
        return out.array();
    }

    /**
     * The record of a remote cache's {@code /ac/KEY}: the entry's header without the jar, which
     * lives under {@code /cas/SHA256} (its {@code size} and {@code sha256} lines point at it).
     *
     * <pre>
     * 8 bytes   magic "GRAFTAC1"
     * 4 bytes   length of the header
     * header    the lines of an entry file's header
     * 32 bytes  SHA-256 of everything before it
     * </pre>
     *
     * @param entry what to record; its size and SHA-256 name the jar
     * @return the bytes of the record
     * @throws IllegalArgumentException when a recorded value contains a line break or a tab
     */
    public static byte[] encodeRecord(CacheEntry entry) {
        byte[] head = header(entry, entry.size(), entry.sha256());
        ByteBuffer out = ByteBuffer.allocate(RECORD_MAGIC.length + Integer.BYTES + head.length + CHECKSUM);
        out.put(RECORD_MAGIC).putInt(head.length).put(head);
        MessageDigest sha = Digests.sha256();
        sha.update(out.array(), 0, out.position());
        out.put(sha.digest());
        return out.array();
    }

    /**
     * Decodes and checks a record made by {@link #encodeRecord}: magic, checksum and header.
     *
     * @param bytes the whole record
     * @return the entry it records (its last-used time is its creation time)
     * @throws Corrupt when any check fails
     */
    public static CacheEntry decodeRecord(byte[] bytes) throws Corrupt {
        if (bytes.length < RECORD_MAGIC.length + Integer.BYTES + CHECKSUM
            || !Arrays.equals(bytes, 0, RECORD_MAGIC.length, RECORD_MAGIC, 0, RECORD_MAGIC.length)) {
            throw new Corrupt("not a Graft cache record (" + bytes.length + " bytes, bad magic)");
        }
        MessageDigest sha = Digests.sha256();
        sha.update(bytes, 0, bytes.length - CHECKSUM);
        if (!Arrays.equals(sha.digest(), 0, CHECKSUM, bytes, bytes.length - CHECKSUM, bytes.length)) {
            throw new Corrupt("record checksum mismatch (truncated or damaged)");
        }
        int headerLength = ByteBuffer.wrap(bytes, RECORD_MAGIC.length, Integer.BYTES).getInt();
        if (headerLength != bytes.length - RECORD_MAGIC.length - Integer.BYTES - CHECKSUM) {
            throw new Corrupt("bad record header length " + headerLength);
        }
        Map<String, String> header = new LinkedHashMap<>();
        List<WiredPackage> wired = new ArrayList<>();
        parse(new String(bytes, RECORD_MAGIC.length + Integer.BYTES, headerLength, StandardCharsets.UTF_8), header, wired);
        return entry(header, wired);
    }

    private static byte[] header(CacheEntry entry, long size, String sha256) {
        StringBuilder header = new StringBuilder();
        line(header, "key", entry.key());
        line(header, "content", entry.content());
        line(header, "host", entry.host());
        line(header, "name", entry.name());
        line(header, "size", Long.toString(size));
        line(header, "sha256", sha256);
        line(header, "source", entry.sourceDigest());
        line(header, "created", Long.toString(entry.created().toEpochMilli()));
        for (WiredPackage w : entry.compiledAgainst()) {
            line(header, "wired", String.join("\t", field(w.packageName()), field(w.exporter()),
                field(w.exporterVersion()), field(w.exporterDigest())));
        }
        return header.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes and checks an entry file: format, the checksum over the whole file (which covers the
     * header and every byte of the jar) and the jar's size. One SHA-256 pass: the cost of a hit.
     *
     * @param bytes the whole entry file
     * @return the entry and its jar
     * @throws Corrupt when any check fails
     */
    public static Decoded decode(byte[] bytes) throws Corrupt {
        return decode(bytes, false);
    }

    /**
     * Like {@link #decode(byte[])}, and also recomputes the jar's own SHA-256 against the recorded
     * one (a second pass, for {@code verify}).
     *
     * @param bytes the whole entry file
     * @return the entry and its jar
     * @throws Corrupt when any check fails
     */
    public static Decoded decodeDeep(byte[] bytes) throws Corrupt {
        return decode(bytes, true);
    }

    private static Decoded decode(byte[] bytes, boolean deep) throws Corrupt {
        if (bytes.length < MAGIC.length + Integer.BYTES + CHECKSUM) {
            throw new Corrupt("truncated: " + bytes.length + " bytes");
        }
        if (!Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new Corrupt("not an entry file (bad magic)");
        }
        MessageDigest sha = Digests.sha256();
        sha.update(bytes, 0, bytes.length - CHECKSUM);
        if (!Arrays.equals(sha.digest(), 0, CHECKSUM, bytes, bytes.length - CHECKSUM, bytes.length)) {
            throw new Corrupt("checksum mismatch (truncated or damaged)");
        }
        int headerLength = ByteBuffer.wrap(bytes, MAGIC.length, Integer.BYTES).getInt();
        int jarStart = MAGIC.length + Integer.BYTES + headerLength;
        if (headerLength < 0 || jarStart > bytes.length - CHECKSUM) {
            throw new Corrupt("bad header length " + headerLength);
        }
        Map<String, String> header = new LinkedHashMap<>();
        List<WiredPackage> wired = new ArrayList<>();
        parse(new String(bytes, MAGIC.length + Integer.BYTES, headerLength, StandardCharsets.UTF_8), header, wired);
        byte[] jar = Arrays.copyOfRange(bytes, jarStart, bytes.length - CHECKSUM);
        CacheEntry entry = entry(header, wired);
        if (entry.size() != jar.length || deep && !entry.sha256().equals(Digests.hex(jar))) {
            throw new Corrupt("bundle jar does not match its recorded size and SHA-256");
        }
        return new Decoded(entry, jar);
    }

    /**
     * Reads only the header of an entry file, without verifying its checksum (for listings).
     *
     * @param file the entry file
     * @return the entry
     * @throws Corrupt when the header cannot be parsed
     * @throws IOException when the file cannot be read
     */
    public static CacheEntry readHeader(Path file) throws Corrupt, IOException {
        try (InputStream stream = Files.newInputStream(file); DataInputStream in = new DataInputStream(stream)) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            int headerLength = in.readInt();
            if (!Arrays.equals(magic, MAGIC) || headerLength < 0 || headerLength > MAX_HEADER) {
                throw new Corrupt("not an entry file");
            }
            byte[] head = new byte[headerLength];
            in.readFully(head);
            Map<String, String> header = new LinkedHashMap<>();
            List<WiredPackage> wired = new ArrayList<>();
            parse(new String(head, StandardCharsets.UTF_8), header, wired);
            return entry(header, wired);
        } catch (java.io.EOFException e) {
            throw new Corrupt("truncated header");
        }
    }

    private static void parse(String text, Map<String, String> header, List<WiredPackage> wired) throws Corrupt {
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new Corrupt("bad header line '" + line + "'");
            }
            String name = line.substring(0, eq);
            String value = line.substring(eq + 1);
            if (name.equals("wired")) {
                String[] f = value.split("\t", -1);
                if (f.length != 4) {
                    throw new Corrupt("bad wiring line '" + line + "'");
                }
                wired.add(new WiredPackage(f[0], f[1], f[2], f[3]));
            } else {
                header.put(name, value);
            }
        }
    }

    private static CacheEntry entry(Map<String, String> h, List<WiredPackage> wired) throws Corrupt {
        try {
            Instant created = Instant.ofEpochMilli(Long.parseLong(required(h, "created")));
            return new CacheEntry(required(h, "key"), required(h, "content"), required(h, "host"), required(h, "name"),
                Long.parseLong(required(h, "size")), required(h, "sha256"), required(h, "source"), created, created, wired);
        } catch (NumberFormatException e) {
            throw new Corrupt("bad number in header: " + e.getMessage());
        }
    }

    private static String required(Map<String, String> header, String name) throws Corrupt {
        String value = header.get(name);
        if (value == null) {
            throw new Corrupt("header has no '" + name + "'");
        }
        return value;
    }

    private static void line(StringBuilder header, String name, String value) {
        if (value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(name + " contains a line break: " + value);
        }
        header.append(name).append('=').append(value).append('\n');
    }

    private static String field(String value) {
        if (value == null || value.indexOf('\t') >= 0) {
            throw new IllegalArgumentException("a wiring field is null or contains a tab: " + value);
        }
        return value;
    }
}
