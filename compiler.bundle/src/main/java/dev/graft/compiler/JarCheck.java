package dev.graft.compiler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Whether the bytes of a jar are a whole, readable zip file: its end record is where the central
 * directory says, and every entry inflates and matches its checksum. A jar still being written (cut
 * short) or damaged fails here, so that it is never installed nor packaged. Reading a jar this way
 * never runs anything in it.
 */
public final class JarCheck {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int END_SIZE = 22;

    private JarCheck() {
    }

    /**
     * @param jar the bytes of a jar
     * @return why they are not a whole jar, or empty when they are
     */
    public static Optional<String> problem(byte[] jar) {
        int end = endRecord(jar);
        if (end < 0) {
            return Optional.of("not a complete jar (no end of central directory: the file is cut short, still being written, or not a jar)");
        }
        ByteBuffer b = ByteBuffer.wrap(jar).order(ByteOrder.LITTLE_ENDIAN);
        long directorySize = Integer.toUnsignedLong(b.getInt(end + 12));
        long directoryOffset = Integer.toUnsignedLong(b.getInt(end + 16));
        if (directoryOffset != 0xFFFFFFFFL && directoryOffset + directorySize > end) {
            return Optional.of("not a complete jar (its central directory lies beyond its end: the file is cut short)");
        }
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            byte[] buffer = new byte[8192];
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                while (in.read(buffer) >= 0) {
                    // reading to the end checks the entry's size and checksum
                }
                entries++;
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("not a readable jar: " + e.getMessage());
        }
        if (entries == 0) {
            return Optional.of("not a readable jar: it has no entries");
        }
        return Optional.empty();
    }

    /** The offset of the end of central directory record, searched from the end (it may carry a comment), or -1. */
    private static int endRecord(byte[] jar) {
        ByteBuffer b = ByteBuffer.wrap(jar).order(ByteOrder.LITTLE_ENDIAN);
        int lowest = Math.max(0, jar.length - END_SIZE - 0xFFFF);
        for (int i = jar.length - END_SIZE; i >= lowest; i--) {
            if (b.getInt(i) == END_SIGNATURE && i + END_SIZE + Short.toUnsignedInt(b.getShort(i + 20)) == jar.length) {
                return i;
            }
        }
        return -1;
    }
}
