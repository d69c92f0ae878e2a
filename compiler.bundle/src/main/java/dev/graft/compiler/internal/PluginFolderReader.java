package dev.graft.compiler.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;

import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.Diagnostic.Severity;
import dev.graft.compiler.PluginFiles;
import dev.graft.compiler.SourceException;
import dev.graft.compiler.SourcePlugin;

/**
 * Reads a source plugin folder. The name is checked first, then the limits from the files' sizes,
 * and only then is any content read. Files and folders that {@link PluginFiles#isIgnored} names
 * (hidden entries, editor backups) are skipped; symbolic links are refused.
 */
final class PluginFolderReader {

    private final SourceLimits limits;

    PluginFolderReader(SourceLimits limits) {
        this.limits = limits;
    }

    /** A plugin as read, with its {@code bnd.bnd} as bnd parsed it (empty when it has none). */
    record Read(SourcePlugin plugin, PluginBnd bnd) {
    }

    Read read(Path folder) throws SourceException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw error("", "not a plugin folder: " + folder);
        }
        PluginBnd bnd = bnd(folder);
        String name = name(folder, bnd);
        Map<String, Long> sizes = sizes(folder);
        var overLimit = limits.check(sizes);
        if (overLimit.isPresent()) {
            throw new SourceException(overLimit.get());
        }
        Map<String, byte[]> files = new TreeMap<>();
        for (String path : sizes.keySet()) {
            if (path.equals(PluginLayout.BND_FILE) && bnd.present()) {
                // the bytes bnd parsed, so that the instructions and the content are one read
                files.put(path, bnd.bytes());
                continue;
            }
            try {
                files.put(path, Files.readAllBytes(folder.resolve(path)));
            } catch (IOException e) {
                throw error(path, "cannot read the file: " + e);
            }
        }
        return new Read(SourcePlugin.of(name, files), bnd);
    }

    private PluginBnd bnd(Path folder) throws SourceException {
        Path bnd = folder.resolve(PluginLayout.BND_FILE);
        if (!Files.isRegularFile(bnd, LinkOption.NOFOLLOW_LINKS)) {
            return PluginBnd.EMPTY;
        }
        try {
            long size = Files.size(bnd);
            if (size > limits.maxFileBytes()) {
                throw error(PluginLayout.BND_FILE, "the file is " + size + " bytes, over the limit of " + limits.maxFileBytes()
                    + " bytes per file (maxFileBytes)");
            }
            return PluginBnd.parse(Files.readAllBytes(bnd));
        } catch (IOException e) {
            throw error(PluginLayout.BND_FILE, "cannot read the file: " + e);
        }
    }

    private static String name(Path folder, PluginBnd parsed) throws SourceException {
        if (parsed.symbolicName().isPresent()) {
            String declared = parsed.symbolicName().get();
            if (!SourcePlugin.NAME.matcher(declared).matches()) {
                int line = parsed.lineOf("Bundle-SymbolicName");
                throw new SourceException(new Diagnostic(Severity.ERROR, PluginLayout.BND_FILE, line,
                    parsed.columnOf(line, declared), invalidName(declared), parsed.lineText(line)));
            }
            return declared;
        }
        Path fileName = folder.toAbsolutePath().normalize().getFileName();
        String name = fileName == null ? "" : fileName.toString();
        if (!SourcePlugin.NAME.matcher(name).matches()) {
            throw error("", invalidName(name));
        }
        return name;
    }

    private static String invalidName(String name) {
        try {
            SourcePlugin.checkName(name);
            return "invalid plugin name '" + name + "'";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static Map<String, Long> sizes(Path folder) throws SourceException {
        Map<String, Long> sizes = new TreeMap<>();
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(folder) && PluginFiles.isIgnored(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String relative = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                    if (PluginFiles.isIgnored(file.getFileName().toString())) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        throw new IOException(relative + " is a symbolic link; a plugin folder holds plain files only");
                    }
                    if (attrs.isRegularFile()) {
                        sizes.put(relative, attrs.size());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw error("", "cannot read the plugin folder " + folder + ": " + e.getMessage());
        }
        return sizes;
    }

    private static SourceException error(String file, String message) {
        return new SourceException(Diagnostic.of(Severity.ERROR, file, message));
    }
}
