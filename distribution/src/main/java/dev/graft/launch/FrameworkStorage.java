package dev.graft.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A framework storage directory of this process's own, under {@code $XDG_RUNTIME_DIR} when it is
 * set (the user's own runtime folder, usually in memory, where installing a bundle costs a fraction
 * of a disk write) and {@code java.io.tmpdir} is the default {@code /tmp}; else under
 * {@code java.io.tmpdir}. It is removed when the process ends; a directory left by a process that was killed is removed by the
 * next launcher that finds it (each holds the id of the process that made it).
 */
final class FrameworkStorage {

    static final String PREFIX = "graft-felix-";
    private static final String OWNER = "graft.pid";

    private final Path directory;

    private FrameworkStorage(Path directory) {
        this.directory = directory;
    }

    static FrameworkStorage create() throws IOException {
        Path tmp = parent(System.getenv("XDG_RUNTIME_DIR"), System.getProperty("java.io.tmpdir"));
        sweepOrphans(tmp);
        Path directory = Files.createTempDirectory(tmp, PREFIX);
        Files.writeString(directory.resolve(OWNER), Long.toString(ProcessHandle.current().pid()), StandardCharsets.US_ASCII);
        return new FrameworkStorage(directory);
    }

    /**
     * @param xdgRuntimeDir {@code $XDG_RUNTIME_DIR}, or null
     * @param tmpdir {@code java.io.tmpdir}
     * @return the folder to make the storage in: a {@code java.io.tmpdir} set to anything but
     *     {@code /tmp} wins, then an existing absolute runtime folder, then {@code /tmp}
     */
    static Path parent(String xdgRuntimeDir, String tmpdir) {
        Path tmp = Path.of(tmpdir);
        boolean defaultTmp = tmp.normalize().equals(Path.of("/tmp"));
        if (defaultTmp && xdgRuntimeDir != null && !xdgRuntimeDir.isBlank()) {
            Path runtime = Path.of(xdgRuntimeDir);
            if (runtime.isAbsolute() && Files.isDirectory(runtime) && Files.isWritable(runtime)) {
                return runtime;
            }
        }
        return tmp;
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
