package dev.graft.host.internal.watch;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.graft.compiler.PluginFiles;

/**
 * The files of one plugin folder at one moment: each relative path with its size and
 * modification time, ignored files left out. Two equal snapshots taken a debounce interval apart
 * mean the folder is quiet: nothing is being written to it.
 */
final class FolderSnapshot {

    private record Stamp(long size, long modifiedMillis) {
    }

    private final Map<String, Stamp> files;

    private FolderSnapshot(Map<String, Stamp> files) {
        this.files = files;
    }

    /**
     * @param folder a plugin folder
     * @return its snapshot, or null when it does not exist (any more)
     */
    static FolderSnapshot of(Path folder) {
        Map<String, Stamp> files = new TreeMap<>();
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(folder) && PluginFiles.isIgnored(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !PluginFiles.isIgnored(file.getFileName().toString())) {
                        files.put(folder.relativize(file).toString().replace('\\', '/'),
                            new Stamp(attrs.size(), attrs.lastModifiedTime().toMillis()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // a file that vanished while walking: the next snapshot sees the folder as it is then
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            files.put("<unreadable: " + e.getMessage() + ">", new Stamp(-1, System.currentTimeMillis()));
        }
        return Files.isDirectory(folder) ? new FolderSnapshot(files) : null;
    }

    /**
     * @param before an earlier snapshot of the same folder, or null when there was none
     * @param after a later one, or null when the folder is gone
     * @return the relative paths added, removed or changed between the two
     */
    static List<String> changes(FolderSnapshot before, FolderSnapshot after) {
        Map<String, Stamp> a = before == null ? Map.of() : before.files;
        Map<String, Stamp> b = after == null ? Map.of() : after.files;
        Set<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<String> changed = new ArrayList<>();
        for (String p : paths) {
            if (!java.util.Objects.equals(a.get(p), b.get(p))) {
                changed.add(p);
            }
        }
        return changed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FolderSnapshot other && files.equals(other.files);
    }

    @Override
    public int hashCode() {
        return files.hashCode();
    }
}
