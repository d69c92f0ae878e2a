package dev.graft.cache.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where things are in a cache directory.
 *
 * <pre>
 * cache.info           format version and host fingerprint
 * lock                 the kernel lock file
 * index                one row per entry
 * remote-stats         the counters of the remote caches used, summed over processes
 * entries/KEY.entry    one file per build
 * quarantine/          entries that failed their checks
 * </pre>
 *
 * @param directory the cache directory
 */
public record Layout(Path directory) {

    /** @return the directory of entry files */
    public Path entries() {
        return directory.resolve("entries");
    }

    /** @return the directory of quarantined entry files */
    public Path quarantine() {
        return directory.resolve("quarantine");
    }

    /**
     * @param key a full key in hex
     * @return the entry file of that key
     */
    public Path entry(String key) {
        return entries().resolve(key + EntryFile.SUFFIX);
    }

    /**
     * @param entryFile an entry file
     * @return the key its name says
     */
    public static String keyOf(Path entryFile) {
        String name = entryFile.getFileName().toString();
        return name.substring(0, name.length() - EntryFile.SUFFIX.length());
    }

    /**
     * @return every entry file, or none when there is no entries directory
     * @throws IOException when the directory cannot be listed
     */
    public List<Path> entryFiles() throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(entries(), "*" + EntryFile.SUFFIX)) {
            for (Path f : files) {
                if (!f.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX) && Files.isRegularFile(f)) {
                    found.add(f);
                }
            }
        } catch (NoSuchFileException e) {
            return found;
        }
        found.sort(null);
        return found;
    }
}
