package dev.graft.cache.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.graft.cache.VerifyReport;

/** One run of {@link CacheStore#verify()}: decodes every entry file in full and quarantines the bad ones. */
final class Verification {

    private final Layout layout;
    private final boolean readOnly;
    private final DirectoryLock lock;
    private final Housekeeping housekeeping;
    private final AtomicFiles files;

    Verification(Layout layout, boolean readOnly, DirectoryLock lock, Housekeeping housekeeping, AtomicFiles files) {
        this.layout = layout;
        this.readOnly = readOnly;
        this.lock = lock;
        this.housekeeping = housekeeping;
        this.files = files;
    }

    VerifyReport run() throws IOException {
        int checked = 0;
        List<Path> badFiles = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (Path file : layout.entryFiles()) {
            try {
                EntryFile.Decoded decoded = EntryFile.decodeDeep(Files.readAllBytes(file));
                if (!decoded.entry().key().equals(Layout.keyOf(file))) {
                    throw new EntryFile.Corrupt("the entry records key " + decoded.entry().key());
                }
                checked++;
            } catch (NoSuchFileException e) {
                continue;
            } catch (EntryFile.Corrupt e) {
                checked++;
                badFiles.add(file);
                bad.add(file.getFileName() + ": " + e.getMessage());
            }
        }
        int quarantined = 0;
        if (!readOnly && !badFiles.isEmpty()) {
            try (DirectoryLock.Held held = lock.acquire()) {
                for (Path file : badFiles) {
                    quarantined += housekeeping.quarantine(file) ? 1 : 0;
                }
                IndexFile.write(files, layout.directory(), housekeeping.reconcile().rows().values());
            }
        }
        return new VerifyReport(checked, bad, quarantined);
    }
}
