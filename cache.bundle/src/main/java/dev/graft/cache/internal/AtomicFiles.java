package dev.graft.cache.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes files so that readers see either the old content or the new, never a part: a temporary
 * file in the same directory, written, fsynced, renamed into place atomically, and the directory
 * fsynced. A failed write removes its temporary file.
 */
public final class AtomicFiles {

    /** Prefix of every temporary file; such files are orphans when no write is under way. */
    public static final String TEMP_PREFIX = ".tmp-";

    /** How the bytes reach a temporary file; tests replace it to simulate a full disk. */
    @FunctionalInterface
    public interface Output {
        /** Writes and forces the bytes; a pause point may be reached half-way. */
        Output FILE_CHANNEL = AtomicFiles::writeAndForce;

        /**
         * @param temp the new, empty temporary file
         * @param data the bytes
         * @param pausePoint the pause point to report half-way
         * @throws IOException when writing fails
         */
        void write(Path temp, byte[] data, String pausePoint) throws IOException;
    }

    private final SecureRandom random = new SecureRandom();
    private final Output output;

    /**
     * @param output how bytes are written to temporary files
     */
    public AtomicFiles(Output output) {
        this.output = output;
    }

    /**
     * Replaces {@code target} with {@code data} atomically.
     *
     * @param target the file
     * @param data its new content
     * @param pausePoint the pause point reached half-way through writing
     * @throws IOException when writing or renaming fails; the temporary file is gone then
     */
    public void write(Path target, byte[] data, String pausePoint) throws IOException {
        byte[] name = new byte[8];
        random.nextBytes(name);
        Path temp = target.resolveSibling(TEMP_PREFIX + HexFormat.of().formatHex(name) + "-" + target.getFileName());
        try {
            output.write(temp, data, pausePoint);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        syncDirectory(target.getParent());
    }

    private static void writeAndForce(Path temp, byte[] data, String pausePoint) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer first = ByteBuffer.wrap(data, 0, data.length / 2);
            while (first.hasRemaining()) {
                channel.write(first);
            }
            PausePoint.reached(pausePoint);
            ByteBuffer rest = ByteBuffer.wrap(data, data.length / 2, data.length - data.length / 2);
            while (rest.hasRemaining()) {
                channel.write(rest);
            }
            channel.force(true);
        }
    }

    /**
     * Makes a rename or delete in a directory durable. File systems that cannot sync a directory
     * are tolerated.
     *
     * @param directory the directory
     */
    public static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not supported here (some file systems); the rename itself is still atomic
        }
    }

    /**
     * Deletes the temporary files left by writes that never finished. Call it only while holding
     * the directory lock: every write happens under that lock.
     *
     * @param directory the directory to sweep
     * @return how many files were deleted
     * @throws IOException when the directory cannot be listed
     */
    public static int sweep(Path directory) throws IOException {
        int swept = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, TEMP_PREFIX + "*")) {
            for (Path file : files) {
                if (Files.deleteIfExists(file)) {
                    swept++;
                }
            }
        }
        return swept;
    }
}
