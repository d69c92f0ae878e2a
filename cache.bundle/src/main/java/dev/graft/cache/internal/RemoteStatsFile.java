package dev.graft.cache.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.graft.cache.RemoteStats;

/**
 * The file {@code remote-stats} of a cache directory: the counters of each remote cache used with the
 * directory, summed over every process since the last clean, so that {@code graft cache stats} in a
 * later process shows what the runs before it counted. A process adds what it counted since it last
 * added ({@link #add}) under the directory lock: the file is read, summed and replaced atomically,
 * so two processes never lose each other's counts.
 *
 * <pre>
 * graft-remote-stats 1
 * URL TAB READ-ONLY TAB HITS TAB MISSES TAB REJECTED TAB ERRORS TAB SKIPPED TAB UPLOADS TAB REFUSED TAB BYTES-DOWN TAB BYTES-UP
 * </pre>
 *
 * {@code READ-ONLY} is {@code true} while every process that counted only read that remote cache.
 */
final class RemoteStatsFile {

    /** Name of the file inside the cache directory. */
    static final String FILE_NAME = "remote-stats";
    /** The label of its writes, for {@link AtomicFiles.Output}. */
    static final String WRITE = "remote-stats-write";

    private static final String FIRST = "graft-remote-stats 1";
    private static final int FIELDS = 11;

    /** A file that is not a remote counters file; the counters start again from zero at the next add. */
    static final class Garbage extends Exception {
        private static final long serialVersionUID = 1L;

        Garbage(String message) {
            super(message);
        }
    }

    private RemoteStatsFile() {
    }

    /**
     * @param directory the cache directory
     * @return the counters, one per URL in the order first recorded; none without a file
     * @throws Garbage naming the file and line that is not a row of counters
     * @throws IOException when the file exists but cannot be read
     */
    static List<RemoteStats> read(Path directory) throws Garbage, IOException {
        Path file = directory.resolve(FILE_NAME);
        List<String> lines;
        try {
            lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
        if (lines.isEmpty() || !lines.get(0).equals(FIRST)) {
            throw new Garbage(file + ":1: expected '" + FIRST + "'");
        }
        List<RemoteStats> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length != FIELDS || f[0].isEmpty() || !f[1].equals("true") && !f[1].equals("false")) {
                throw new Garbage(file + ":" + (i + 1) + ": expected a URL, true or false and 9 counters, separated by tabs");
            }
            try {
                rows.add(new RemoteStats(f[0], Boolean.parseBoolean(f[1]), count(f[2]), count(f[3]), count(f[4]), count(f[5]),
                    count(f[6]), count(f[7]), count(f[8]), count(f[9]), count(f[10])));
            } catch (NumberFormatException e) {
                throw new Garbage(file + ":" + (i + 1) + ": a counter is not a number at or above 0 (" + e.getMessage() + ")");
            }
        }
        return rows;
    }

    private static long count(String field) {
        long n = Long.parseLong(field);
        if (n < 0) {
            throw new NumberFormatException(field);
        }
        return n;
    }

    /**
     * Adds counters to those of their URL and replaces the file atomically. Call it only while holding
     * the directory lock.
     *
     * @param files how to write
     * @param directory the cache directory
     * @param added what a process counted since it last added
     * @param warnings told when the file was garbage and is started again
     * @throws IOException when the file cannot be read or written
     */
    static void add(AtomicFiles files, Path directory, RemoteStats added, Warnings warnings) throws IOException {
        Map<String, RemoteStats> byUrl = new LinkedHashMap<>();
        try {
            read(directory).forEach(r -> byUrl.put(r.url(), r));
        } catch (Garbage e) {
            warnings.warn(e.getMessage() + "; the remote cache's counters start again from zero", null);
        }
        byUrl.merge(added.url(), added, RemoteCounts::plus);
        write(files, directory, List.copyOf(byUrl.values()));
    }

    private static void write(AtomicFiles files, Path directory, List<RemoteStats> rows) throws IOException {
        StringBuilder text = new StringBuilder(FIRST).append('\n');
        for (RemoteStats r : rows) {
            text.append(r.url()).append('\t').append(r.readOnly());
            for (long n : new long[] { r.hits(), r.misses(), r.rejected(), r.errors(), r.skipped(), r.uploads(), r.uploadsRefused(),
                r.bytesDownloaded(), r.bytesUploaded() }) {
                text.append('\t').append(n);
            }
            text.append('\n');
        }
        files.write(directory.resolve(FILE_NAME), text.toString().getBytes(StandardCharsets.UTF_8), WRITE);
    }

    /**
     * Removes the file (the counters start again). Call it only while holding the directory lock.
     *
     * @param directory the cache directory
     * @throws IOException when it cannot be removed
     */
    static void delete(Path directory) throws IOException {
        if (Files.deleteIfExists(directory.resolve(FILE_NAME))) {
            AtomicFiles.syncDirectory(directory);
        }
    }
}
