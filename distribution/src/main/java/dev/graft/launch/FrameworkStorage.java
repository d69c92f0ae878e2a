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
 * A framework storage directory of this process's own, under the system's temporary folder. It is
 * removed when the process ends; a directory left by a process that was killed is removed by the
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
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        sweepOrphans(tmp);
        Path directory = Files.createTempDirectory(tmp, PREFIX);
        Files.writeString(directory.resolve(OWNER), Long.toString(ProcessHandle.current().pid()), StandardCharsets.US_ASCII);
        return new FrameworkStorage(directory);
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
