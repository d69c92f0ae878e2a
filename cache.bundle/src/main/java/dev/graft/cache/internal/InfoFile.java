package dev.graft.cache.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.graft.compiler.HostFingerprint;

/**
 * The info file {@code cache.info}: the format version of the directory and the host fingerprint
 * of the Graft that writes it.
 *
 * <pre>
 * graft-cache 1
 * host graft=0.1.0;ecj=3.46.100;bnd=7.2.3;java=17.0.15+6
 * </pre>
 */
public final class InfoFile {

    /** Name of the info file inside the cache directory. */
    public static final String FILE_NAME = "cache.info";
    /** The format this code reads and writes; a different one is treated like another host. */
    public static final int FORMAT = 1;

    private static final String FIRST = "graft-cache ";
    private static final String HOST = "host ";

    private InfoFile() {
    }

    /** What an info file says: a format version and a canonical host fingerprint. */
    public record Info(int format, String host) {
        /**
         * @param host the host this process runs
         * @return whether a cache with this info was written by the same format and host
         */
        public boolean matches(String host) {
            return format == FORMAT && this.host.equals(host);
        }
    }

    /** The info file exists but is not an info file. */
    public static final class Garbage extends Exception {
        private static final long serialVersionUID = 1L;

        Garbage(String message) {
            super(message);
        }
    }

    /**
     * @param directory the cache directory
     * @return the info, or empty when there is no info file
     * @throws Garbage when the file is not an info file
     * @throws IOException when it cannot be read
     */
    public static Optional<Info> read(Path directory) throws Garbage, IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(directory.resolve(FILE_NAME));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        if (lines.size() != 2 || !lines.get(0).startsWith(FIRST) || !lines.get(1).startsWith(HOST)) {
            throw new Garbage(directory.resolve(FILE_NAME) + " is not a Graft cache info file");
        }
        int format;
        try {
            format = Integer.parseInt(lines.get(0).substring(FIRST.length()).trim());
            HostFingerprint.parse(lines.get(1).substring(HOST.length()));
        } catch (IllegalArgumentException e) {
            throw new Garbage(directory.resolve(FILE_NAME) + " is not a Graft cache info file: " + e.getMessage());
        }
        return Optional.of(new Info(format, lines.get(1).substring(HOST.length()).trim()));
    }

    /**
     * Writes the info file of this format for a host, atomically.
     *
     * @param files how to write
     * @param directory the cache directory
     * @param host the canonical host fingerprint
     * @throws IOException when writing fails
     */
    public static void write(AtomicFiles files, Path directory, String host) throws IOException {
        String text = FIRST + FORMAT + "\n" + HOST + host + "\n";
        files.write(directory.resolve(FILE_NAME), text.getBytes(StandardCharsets.UTF_8), AtomicFiles.INFO_WRITE);
    }
}
