package dev.graft.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A framework storage directory of this process's own. Installing a bundle writes several files
 * into it, which costs a fraction of a disk write in memory; so unless {@code java.io.tmpdir} is
 * set to something other than {@code /tmp}, it goes under {@code $XDG_RUNTIME_DIR} (the user's own
 * runtime folder, usually in memory) when that is set, else under {@code /dev/shm} when that is a
 * writable in-memory file system with room, else under {@code java.io.tmpdir}. It is removed when
 * the process ends. A directory left by a process that was killed (or halted) is removed by the
 * next launcher, in every place a launcher puts storage, whichever it uses itself: each directory
 * holds the id of the process that made it, and one whose process is gone, or whose id now belongs
 * to a process started after the directory was made, is first renamed (claimed, so that two
 * launchers never both delete it and a half-deleted one is finished later) and then deleted.
 */
final class FrameworkStorage {

    static final String PREFIX = "graft-felix-";
    /** The prefix of an orphan claimed for deletion: whatever is left of it is garbage. */
    static final String CLAIMED_PREFIX = PREFIX + "gone-";
    private static final String OWNER = "graft.pid";
    private static final String FRAMEWORK_FOLDER = "felix";
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");
    /** Free room an in-memory folder needs to be used: far more than the plugins of a large site take. */
    static final long MEMORY_ROOM_BYTES = 64L << 20;

    private static final java.time.Duration REUSE_MARGIN = java.time.Duration.ofSeconds(10);

    private final Path directory;

    private FrameworkStorage(Path directory) {
        this.directory = directory;
    }

    static FrameworkStorage create() throws IOException {
        String xdgRuntimeDir = System.getenv("XDG_RUNTIME_DIR");
        String tmpdir = System.getProperty("java.io.tmpdir");
        Path tmp = parent(xdgRuntimeDir, tmpdir, inMemory(SHARED_MEMORY));
        places(xdgRuntimeDir, tmpdir, SHARED_MEMORY).forEach(FrameworkStorage::sweepOrphans);
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

    /**
     * @return every folder a launcher may put storage in, whatever this one chooses: the runtime
     *     folder, the in-memory folder, {@code java.io.tmpdir} and {@code /tmp}, each once
     */
    static Set<Path> places(String xdgRuntimeDir, String tmpdir, Path memory) {
        Set<Path> places = new LinkedHashSet<>();
        if (xdgRuntimeDir != null && !xdgRuntimeDir.isBlank() && Path.of(xdgRuntimeDir).isAbsolute()) {
            places.add(Path.of(xdgRuntimeDir).normalize());
        }
        places.add(memory.normalize());
        places.add(Path.of(tmpdir).toAbsolutePath().normalize());
        places.add(Path.of("/tmp"));
        places.removeIf(p -> !Files.isDirectory(p));
        return places;
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

    /**
     * The framework's own storage: a folder inside this directory, because the framework empties
     * its storage when it first starts, and the owner file must outlive that.
     */
    Path frameworkDirectory() {
        return directory.resolve(FRAMEWORK_FOLDER);
    }

    void delete() {
        deleteTree(directory);
    }

    static void sweepOrphans(Path place) {
        List<Path> orphans = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(place, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (dir.getFileName().toString().startsWith(CLAIMED_PREFIX)) {
                    orphans.add(dir);
                } else if (ownerIsGone(dir)) {
                    claim(dir).ifPresent(orphans::add);
                }
            }
        } catch (IOException | SecurityException e) {
            // sweeping is a courtesy; a folder we cannot read is left alone
        }
        orphans.forEach(FrameworkStorage::deleteTree);
    }

    /** Renames an orphan to a claimed name; empty when another launcher claimed it first. */
    private static Optional<Path> claim(Path dir) {
        Path claimed = dir.resolveSibling(CLAIMED_PREFIX + dir.getFileName().toString().substring(PREFIX.length()));
        try {
            return Optional.of(Files.move(dir, claimed, StandardCopyOption.ATOMIC_MOVE));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the process that made a storage directory is gone: no process has its id, or the one
     * that has it started well after the directory's owner file was written (the id was reused; a
     * process's start time is known only to about a second, so "well after" is {@link #REUSE_MARGIN}).
     * A directory without a readable owner file is being made, or is not Graft's: it is left alone.
     */
    static boolean ownerIsGone(Path dir) {
        try {
            Path owner = dir.resolve(OWNER);
            long pid = Long.parseLong(Files.readString(owner, StandardCharsets.US_ASCII).trim());
            Instant written = Files.getLastModifiedTime(owner).toInstant();
            return ProcessHandle.of(pid)
                .map(p -> !p.isAlive() || p.info().startInstant().map(started -> started.isAfter(written.plus(REUSE_MARGIN))).orElse(false))
                .orElse(true);
        } catch (IOException | NumberFormatException | SecurityException e) {
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
        } catch (NoSuchFileException e) {
            // another launcher removed it at the same time
        } catch (IOException e) {
            System.err.println("graft: could not remove " + root + ": " + e.getMessage());
        }
    }
}
