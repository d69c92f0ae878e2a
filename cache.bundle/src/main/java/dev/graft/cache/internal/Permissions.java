package dev.graft.cache.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import dev.graft.cache.CacheException;

/**
 * Who may write the cache. Whoever can write the cache runs code in every process that reads it,
 * so a directory that others can write is refused unless the cache is declared shared.
 */
public final class Permissions {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_AND_GROUP = PosixFilePermissions.fromString("rwxrwx---");

    private Permissions() {
    }

    /**
     * Creates a directory (and missing parents) if absent; the directory itself gets owner-only
     * permissions, or owner and group when shared. Existing directories are left as they are.
     *
     * @param directory the directory
     * @param shared whether the cache is shared with the group
     * @throws IOException when it cannot be created
     */
    public static void create(Path directory, boolean shared) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            if (posix(directory.toAbsolutePath().getParent())) {
                Set<PosixFilePermission> mode = shared ? OWNER_AND_GROUP : OWNER_ONLY;
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(mode));
            } else {
                Files.createDirectory(directory);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(directory)) {
                throw e;
            }
        }
    }

    /**
     * @param directory a cache directory (or one of its sub-directories) that exists
     * @param shared whether sharing was declared ({@code shared=true})
     * @throws CacheException when the group or others may write it and sharing was not declared
     * @throws IOException when its permissions cannot be read
     */
    public static void refuseWritableByOthers(Path directory, boolean shared) throws IOException {
        if (shared || !Files.isDirectory(directory) || !posix(directory)) {
            return;
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(directory);
        if (mode.contains(PosixFilePermission.OTHERS_WRITE) || mode.contains(PosixFilePermission.GROUP_WRITE)) {
            throw new CacheException("refusing cache directory " + directory + ": it is writable by "
                + (mode.contains(PosixFilePermission.OTHERS_WRITE) ? "everyone" : "its group") + " ("
                + PosixFilePermissions.toString(mode) + "), and whoever can write the cache runs code in every reader. "
                + "Run 'chmod go-w " + directory + "', or set shared=true in configuration " + dev.graft.cache.PluginCache.PID
                + " if the sharing is intended.");
        }
    }

    private static boolean posix(Path path) {
        return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
