package dev.graft.cache.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The writes that change which entries exist: reconciling the index with the entry files,
 * least-recently-used eviction, quarantine and wiping. Every method must be called while holding
 * the {@link DirectoryLock}.
 */
final class Housekeeping {

    private final Layout layout;
    private final AtomicFiles files;
    private final Counters counters;
    private final Clock clock;

    Housekeeping(Layout layout, AtomicFiles files, Counters counters, Clock clock) {
        this.layout = layout;
        this.files = files;
        this.counters = counters;
        this.clock = clock;
    }

    /** The index made to agree with the entry files, and how many rows and files it took. */
    record Reconciled(Map<String, IndexFile.Row> rows, int repaired) {
        long bytes() {
            return rows.values().stream().mapToLong(IndexFile.Row::bytes).sum();
        }
    }

    /**
     * Reads the index and makes it agree with the entry files: rows without a file are dropped,
     * files without a row get one from their header, files whose header is unreadable are quarantined.
     */
    Reconciled reconcile() throws IOException {
        Map<String, IndexFile.Row> rows = new TreeMap<>(IndexFile.read(layout.directory()).orElse(Map.of()));
        Set<String> onDisk = layout.entryFiles().stream().map(Layout::keyOf).collect(Collectors.toSet());
        int before = rows.size();
        rows.keySet().retainAll(onDisk);
        int repaired = before - rows.size();
        for (String key : onDisk) {
            if (rows.containsKey(key)) {
                continue;
            }
            Path file = layout.entry(key);
            try {
                var entry = EntryFile.readHeader(file);
                if (!entry.key().equals(key)) {
                    throw new EntryFile.Corrupt("names key " + entry.key());
                }
                rows.put(key, IndexFile.Row.of(entry, Files.size(file)));
            } catch (EntryFile.Corrupt e) {
                quarantine(file);
            } catch (NoSuchFileException e) {
                continue;
            }
            repaired++;
        }
        return new Reconciled(rows, repaired);
    }

    /**
     * Evicts least-recently-used entries (oldest modification time first) until both limits hold.
     * The entry named {@code keep} (just stored) goes last.
     *
     * @return how many entries were evicted
     */
    int evict(Map<String, IndexFile.Row> rows, int maxEntries, long maxBytes, String keep) throws IOException {
        long total = rows.values().stream().mapToLong(IndexFile.Row::bytes).sum();
        if (rows.size() <= maxEntries && total <= maxBytes) {
            return 0;
        }
        Map<String, FileTime> used = new HashMap<>();
        for (String key : List.copyOf(rows.keySet())) {
            try {
                used.put(key, Files.getLastModifiedTime(layout.entry(key)));
            } catch (NoSuchFileException e) {
                total -= rows.remove(key).bytes();
            }
        }
        List<String> order = new ArrayList<>(used.keySet());
        order.sort(Comparator.comparing((String k) -> k.equals(keep)).thenComparing(used::get).thenComparing(k -> k));
        int evicted = 0;
        for (String key : order) {
            if (rows.size() <= maxEntries && total <= maxBytes) {
                break;
            }
            Files.deleteIfExists(layout.entry(key));
            total -= rows.remove(key).bytes();
            evicted++;
        }
        if (evicted > 0) {
            AtomicFiles.syncDirectory(layout.entries());
        }
        counters.evicted(evicted);
        return evicted;
    }

    /**
     * Moves an entry file that failed its checks to {@code quarantine/}, unless it was replaced by a
     * valid one meanwhile.
     *
     * @return whether it was moved
     */
    boolean quarantine(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return false;
        }
        try {
            if (EntryFile.decodeDeep(bytes).entry().key().equals(Layout.keyOf(file))) {
                return false;
            }
        } catch (EntryFile.Corrupt expected) {
            // still bad: move it
        }
        Files.createDirectories(layout.quarantine());
        Path target = layout.quarantine().resolve(file.getFileName() + "." + clock.millis());
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        AtomicFiles.syncDirectory(layout.entries());
        counters.quarantined();
        return true;
    }

    /** Removes every entry, the quarantine's files, orphaned temporary files and the index rows. */
    void wipe() throws IOException {
        for (Path dir : List.of(layout.entries(), layout.quarantine())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
                for (Path f : all) {
                    Files.deleteIfExists(f);
                }
            }
            AtomicFiles.syncDirectory(dir);
        }
        IndexFile.write(files, layout.directory(), List.of());
    }

    /** Deletes orphaned temporary files in the directory and in {@code entries/}. */
    int sweep() throws IOException {
        int swept = AtomicFiles.sweep(layout.directory());
        if (Files.isDirectory(layout.entries())) {
            swept += AtomicFiles.sweep(layout.entries());
        }
        return swept;
    }
}
