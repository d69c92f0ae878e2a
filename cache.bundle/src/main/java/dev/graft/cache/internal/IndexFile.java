package dev.graft.cache.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.graft.cache.CacheEntry;

/**
 * The index file {@code index}: one row per entry with what eviction, statistics and the
 * try-old lookup need without opening entry files. It is derived state: it is rewritten atomically
 * under the directory lock and reconciled with the entry files whenever it is written, so a crash
 * between storing an entry and writing the index loses nothing. Last-used times are not in the
 * index but in each entry file's modification time, so a hit needs neither the lock nor a write.
 *
 * <pre>
 * graft-cache-index 1
 * KEY TAB CONTENT TAB HOST TAB NAME TAB BYTES TAB CREATED-MILLIS
 * </pre>
 */
public final class IndexFile {

    /** Name of the index file inside the cache directory. */
    public static final String FILE_NAME = "index";

    private static final String FIRST = "graft-cache-index 1";

    private IndexFile() {
    }

    /**
     * One entry as the index knows it.
     *
     * @param key the full key
     * @param content the key without the host
     * @param host the host the entry was built on
     * @param name the plugin's name
     * @param bytes the size of the entry file
     * @param created when it was stored, in epoch milliseconds
     */
    public record Row(String key, String content, String host, String name, long bytes, long created) {
        /**
         * @param entry an entry
         * @param fileSize the size of its entry file
         * @return its row
         */
        public static Row of(CacheEntry entry, long fileSize) {
            return new Row(entry.key(), entry.content(), entry.host(), entry.name(), fileSize, entry.created().toEpochMilli());
        }
    }

    /**
     * @param directory the cache directory
     * @return the rows by key, or empty when the index is missing or unreadable (it is rebuilt)
     * @throws IOException when the file exists but cannot be read
     */
    public static Optional<Map<String, Row>> read(Path directory) throws IOException {
        List<String> lines;
        try {
            lines = new String(Files.readAllBytes(directory.resolve(FILE_NAME)), StandardCharsets.UTF_8).lines().toList();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).equals(FIRST)) {
            return Optional.empty();
        }
        Map<String, Row> rows = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                return Optional.empty();
            }
            try {
                rows.put(f[0], new Row(f[0], f[1], f[2], f[3], Long.parseLong(f[4]), Long.parseLong(f[5])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(rows);
    }

    /**
     * Replaces the index atomically. Call it only while holding the directory lock.
     *
     * @param files how to write
     * @param directory the cache directory
     * @param rows the rows
     * @throws IOException when writing fails
     */
    public static void write(AtomicFiles files, Path directory, Collection<Row> rows) throws IOException {
        StringBuilder text = new StringBuilder(FIRST).append('\n');
        for (Row r : rows) {
            text.append(r.key()).append('\t').append(r.content()).append('\t').append(r.host()).append('\t')
                .append(r.name()).append('\t').append(r.bytes()).append('\t').append(r.created()).append('\n');
        }
        files.write(directory.resolve(FILE_NAME), text.toString().getBytes(StandardCharsets.UTF_8), AtomicFiles.INDEX_WRITE);
    }
}
