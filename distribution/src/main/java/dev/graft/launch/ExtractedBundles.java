package dev.graft.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The distribution's bundles extracted once into a folder of the user's, so that the framework
 * installs them by reference instead of copying megabytes into fresh storage on every start.
 *
 * <p>A file is named by its content (the entry's name, CRC-32 and size), written under a name of
 * its own and renamed into place, so a reader never sees half a file and two processes may extract
 * at once. The folder is used only when nobody else can write it (whoever can, runs code in every
 * Graft of this user). Files that no Graft used for {@value #UNUSED_DAYS} days are removed.
 */
final class ExtractedBundles {

    static final String FOLDER = "graft-runtime";
    static final int UNUSED_DAYS = 30;
    private static final Duration TOUCH_EVERY = Duration.ofDays(1);

    private final Path folder;

    private ExtractedBundles(Path folder) {
        this.folder = folder;
    }

    /**
     * @param xdgCacheHome the value of {@code $XDG_CACHE_HOME}, or null
     * @param userHome the user's home folder, or null
     * @return the folder, created if needed; empty when there is none this user alone can write
     */
    static Optional<ExtractedBundles> open(String xdgCacheHome, String userHome) {
        Path base;
        if (xdgCacheHome != null && !xdgCacheHome.isBlank() && Path.of(xdgCacheHome).isAbsolute()) {
            base = Path.of(xdgCacheHome);
        } else if (userHome != null && !userHome.isBlank()) {
            base = Path.of(userHome, ".cache");
        } else {
            return Optional.empty();
        }
        Path folder = base.resolve(FOLDER);
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(base);
                try {
                    Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createDirectory(folder);
                }
            }
            return privateToUs(folder) ? Optional.of(new ExtractedBundles(folder)) : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    Path folder() {
        return folder;
    }

    /**
     * @return the extracted file of the entry, extracted now unless an earlier run did
     * @throws IOException when it cannot be written
     */
    Path extract(JarFile jar, JarEntry entry) throws IOException {
        if (entry.getSize() < 0 || entry.getCrc() < 0) {
            throw new IOException(entry.getName() + " has no recorded size or CRC");
        }
        Path file = folder.resolve(fileName(entry));
        if (Files.isRegularFile(file) && Files.size(file) == entry.getSize()) {
            touch(file);
            return file;
        }
        Path partial = Files.createTempFile(folder, ".extracting-", ".part");
        try {
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
        return file;
    }

    /** Forgets an extracted file that the framework could not install, so the next run extracts it again. */
    void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the next run finds the same file and fails over to installing from the jar again
        }
    }

    /** Removes files no Graft used for {@value #UNUSED_DAYS} days, and partial files of runs that died. */
    void prune(Instant now) {
        Instant before = now.minus(Duration.ofDays(UNUSED_DAYS));
        Instant partialBefore = now.minus(Duration.ofHours(1));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                Instant used = Files.getLastModifiedTime(f).toInstant();
                boolean partial = f.getFileName().toString().endsWith(".part");
                if (used.isBefore(partial ? partialBefore : before)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | SecurityException e) {
            // pruning is a courtesy
        }
    }

    /** {@code name-CRC32-SIZE.jar}, from the entry's name without folders and suffix. */
    static String fileName(JarEntry entry) {
        String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
        String stem = name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
        return String.format(Locale.ROOT, "%s-%08x-%d.jar", stem, entry.getCrc(), entry.getSize());
    }

    /** Marks a file used, at most once a day, so pruning spares it. */
    private static void touch(Path file) throws IOException {
        Instant now = Instant.now();
        if (Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(TOUCH_EVERY))) {
            Files.setLastModifiedTime(file, FileTime.from(now));
        }
    }

    private static boolean privateToUs(Path folder) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(folder, PosixFileAttributeView.class);
        if (view == null) {
            return Files.isWritable(folder);
        }
        PosixFileAttributes attributes = view.readAttributes();
        Set<PosixFilePermission> p = attributes.permissions();
        boolean othersWrite = p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE);
        String me = System.getProperty("user.name");
        return !othersWrite && attributes.owner().getName().equals(me) && Files.isWritable(folder);
    }
}
