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
    /** The label of a write of an entry file. */
    public static final String ENTRY_WRITE = "entry-write";
    /** The label of a write of the index file. */
    public static final String INDEX_WRITE = "index-write";
    /** The label of a write of the info file. */
    public static final String INFO_WRITE = "info-write";

    /**
     * How the bytes reach a temporary file; tests replace it to simulate a full disk or to stop a
     * process in the middle of a write.
     */
    @FunctionalInterface
    public interface Output {
        /** Writes and forces the bytes. */
        Output FILE_CHANNEL = AtomicFiles::writeAndForce;

        /**
         * @param temp the new, empty temporary file
         * @param data the bytes
         * @param label what is written ({@link #ENTRY_WRITE}, {@link #INDEX_WRITE}, {@link #INFO_WRITE})
         * @throws IOException when writing fails
         */
        void write(Path temp, byte[] data, String label) throws IOException;
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
     * @param label what is written, for the {@link Output}
     * @throws IOException when writing or renaming fails; the temporary file is gone then
     */
    public void write(Path target, byte[] data, String label) throws IOException {
        byte[] name = new byte[8];
        random.nextBytes(name);
        Path temp = target.resolveSibling(TEMP_PREFIX + HexFormat.of().formatHex(name) + "-" + target.getFileName());
        try {
            output.write(temp, data, label);
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

    private static void writeAndForce(Path temp, byte[] data, String label) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer all = ByteBuffer.wrap(data);
            while (all.hasRemaining()) {
                channel.write(all);
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
