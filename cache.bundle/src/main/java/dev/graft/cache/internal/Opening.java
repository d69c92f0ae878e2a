package dev.graft.cache.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

import dev.graft.cache.CacheException;

/**
 * Opens a cache directory at first use: creates it (owner-only), refuses it when others can write
 * it, checks the info file and sweeps orphaned temporary files. Never throws: the outcome is a value.
 */
final class Opening {

    /** What opening found. */
    enum Status {
        /** Entries may be found (and stored, unless read-only). */
        USABLE,
        /** Read-only and there is no cache yet: every lookup is absent. */
        EMPTY,
        /** Read-only and written by another host: skipped, every lookup is a miss of another host. */
        SKIPPED,
        /** The directory cannot be used: refused, unreadable, or a garbage info file when read-only. */
        UNAVAILABLE
    }

    /**
     * @param status what opening found
     * @param detail a sentence for misses and logs
     * @param error why the cache is unavailable, or null
     */
    record Opened(Status status, String detail, CacheException error) {
    }

    private final StoreSettings settings;
    private final Layout layout;
    private final String host;
    private final AtomicFiles files;
    private final DirectoryLock lock;
    private final Housekeeping housekeeping;
    private final Warnings warnings;

    Opening(StoreSettings settings, Layout layout, String host, AtomicFiles files, DirectoryLock lock,
        Housekeeping housekeeping, Warnings warnings) {
        this.settings = settings;
        this.layout = layout;
        this.host = host;
        this.files = files;
        this.lock = lock;
        this.housekeeping = housekeeping;
        this.warnings = warnings;
    }

    Opened open() {
        try {
            return settings.readOnly() ? openReadOnly() : openWritable();
        } catch (CacheException e) {
            warnings.warn(e.getMessage(), e.getCause());
            return new Opened(Status.UNAVAILABLE, e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            CacheException error = new CacheException("cannot open the cache directory " + layout.directory() + ": " + e, e);
            warnings.warn(error.getMessage(), e);
            return new Opened(Status.UNAVAILABLE, error.getMessage(), error);
        }
    }

    private Opened openWritable() throws IOException {
        Permissions.create(layout.directory(), settings.shared());
        Permissions.refuseWritableByOthers(layout.directory(), settings.shared());
        Permissions.create(layout.entries(), settings.shared());
        Permissions.refuseWritableByOthers(layout.entries(), settings.shared());
        try (DirectoryLock.Held held = lock.acquire()) {
            Optional<InfoFile.Info> info;
            String problem = null;
            try {
                info = InfoFile.read(layout.directory());
                if (info.isEmpty() && !layout.entryFiles().isEmpty()) {
                    problem = "the cache has entries but no info file";
                } else if (info.isPresent() && !info.get().matches(host)) {
                    problem = "the cache was written by another host (format " + info.get().format() + ", "
                        + info.get().host() + "; this is format " + InfoFile.FORMAT + ", " + host + ")";
                }
            } catch (InfoFile.Garbage e) {
                info = Optional.empty();
                problem = e.getMessage() + "; rebuilt";
            }
            if (problem != null) {
                if (!settings.tryOldCacheWithNewHost()) {
                    housekeeping.wipe();
                    problem += "; its entries were removed";
                } else {
                    problem += "; its entries are kept (tryOldCacheWithNewHost) and reused when their wiring holds";
                }
                warnings.warn(layout.directory() + ": " + problem, null);
            }
            if (problem != null || info.isEmpty()) {
                InfoFile.write(files, layout.directory(), host);
            }
            housekeeping.sweep();
            Housekeeping.Reconciled index = housekeeping.reconcile();
            if (index.repaired() > 0 || !Files.exists(layout.directory().resolve(IndexFile.FILE_NAME))) {
                IndexFile.write(files, layout.directory(), index.rows().values());
            }
        }
        return new Opened(Status.USABLE, "usable", null);
    }

    private Opened openReadOnly() throws IOException {
        if (!Files.isDirectory(layout.directory())) {
            return new Opened(Status.EMPTY, "there is no cache directory " + layout.directory(), null);
        }
        Permissions.refuseWritableByOthers(layout.directory(), settings.shared());
        Permissions.refuseWritableByOthers(layout.entries(), settings.shared());
        Optional<InfoFile.Info> info;
        try {
            info = InfoFile.read(layout.directory());
        } catch (InfoFile.Garbage e) {
            throw new CacheException(e.getMessage() + "; the cache is read-only, so it cannot be rebuilt: "
                + "remove the file or open the cache writable", e);
        }
        if (info.isEmpty()) {
            if (layout.entryFiles().isEmpty()) {
                return new Opened(Status.EMPTY, "the cache " + layout.directory() + " is empty", null);
            }
            throw new CacheException(layout.directory() + " has entries but no " + InfoFile.FILE_NAME
                + "; the cache is read-only, so it cannot be rebuilt");
        }
        if (!info.get().matches(host) && !settings.tryOldCacheWithNewHost()) {
            String detail = "read-only cache " + layout.directory() + " was written by another host ("
                + info.get().host() + "; this is " + host + "): skipped";
            warnings.warn(detail, null);
            return new Opened(Status.SKIPPED, detail, null);
        }
        return new Opened(Status.USABLE, "usable", null);
    }
}
