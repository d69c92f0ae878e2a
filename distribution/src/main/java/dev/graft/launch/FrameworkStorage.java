package dev.graft.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A framework storage directory of this process's own. Installing a bundle writes several files
 * into it, which costs a fraction of a disk write in memory; so unless {@code java.io.tmpdir} is
 * set to something other than {@code /tmp}, it goes under {@code $XDG_RUNTIME_DIR} (the user's own
 * runtime folder, usually in memory) when that is set, else under {@code /dev/shm} when that is a
 * writable in-memory file system with room, else under {@code java.io.tmpdir}. It is removed when
 * the process ends; a directory left by a process that was killed is removed by the next launcher
 * that finds it (each holds the id of the process that made it).
 */
final class FrameworkStorage {

    static final String PREFIX = "graft-felix-";
    private static final String OWNER = "graft.pid";
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");
    /** Free room an in-memory folder needs to be used: far more than the plugins of a large site take. */
    static final long MEMORY_ROOM_BYTES = 64L << 20;

    private final Path directory;

    private FrameworkStorage(Path directory) {
        this.directory = directory;
    }

    static FrameworkStorage create() throws IOException {
        Path tmp = parent(System.getenv("XDG_RUNTIME_DIR"), System.getProperty("java.io.tmpdir"), inMemory(SHARED_MEMORY));
        sweepOrphans(tmp);
        Path directory = Files.createTempDirectory(tmp, PREFIX);
        Files.writeString(directory.resolve(OWNER), Long.toString(ProcessHandle.current().pid()), StandardCharsets.US_ASCII);
        return new FrameworkStorage(directory);
    }

    /**
     * @param xdgRuntimeDir {@code $XDG_RUNTIME_DIR}, or null
     * @param tmpdir {@code java.io.tmpdir}
     * @param memory a usable in-memory folder, or null
     * @return the folder to make the storage in: a {@code java.io.tmpdir} set to anything but
     *     {@code /tmp} wins, then an existing absolute runtime folder, then the in-memory folder,
     *     then {@code /tmp}
     */
    static Path parent(String xdgRuntimeDir, String tmpdir, Path memory) {
        Path tmp = Path.of(tmpdir);
        if (!tmp.normalize().equals(Path.of("/tmp"))) {
            return tmp;
        }
        if (xdgRuntimeDir != null && !xdgRuntimeDir.isBlank()) {
            Path runtime = Path.of(xdgRuntimeDir);
            if (runtime.isAbsolute() && Files.isDirectory(runtime) && Files.isWritable(runtime)) {
                return runtime;
            }
        }
        return memory != null ? memory : tmp;
    }

    /** @return the folder when it is a writable tmpfs with {@link #MEMORY_ROOM_BYTES} free, else null */
    static Path inMemory(Path folder) {
        try {
            if (Files.isDirectory(folder) && Files.isWritable(folder)) {
                FileStore store = Files.getFileStore(folder);
                if (store.type().equals("tmpfs") && store.getUsableSpace() >= MEMORY_ROOM_BYTES) {
                    return folder;
                }
            }
        } catch (IOException | SecurityException e) {
            // not usable: the storage goes to the temporary folder
        }
        return null;
    }

    Path directory() {
        return directory;
    }

    void delete() {
        deleteTree(directory);
    }

    private static void sweepOrphans(Path tmp) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (ownerIsGone(dir)) {
                    deleteTree(dir);
                }
            }
        } catch (IOException | SecurityException e) {
            // sweeping is a courtesy; a directory we cannot read is left alone
        }
    }

    private static boolean ownerIsGone(Path dir) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve(OWNER), StandardCharsets.US_ASCII).trim());
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("graft: could not remove " + root + ": " + e.getMessage());
        }
    }
}
