package dev.graft.host.internal.site;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** The folder a site configuration names, checked: given, absolute, there, and a folder. */
final class SiteFolder {

    private SiteFolder() {
    }

    /**
     * @param pid the configuration's PID, for the message
     * @param path the {@code path} property, or null
     * @return the folder, absolute and normalized
     * @throws IllegalArgumentException naming the configuration and what is wrong with its path
     */
    static Path of(String pid, String path) {
        String where = "site configuration " + pid + ": ";
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException(where + "no path; set 'path' to the absolute path of the site folder");
        }
        Path folder;
        try {
            folder = Path.of(path.strip());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(where + "path '" + path + "' is not a path: " + e.getReason());
        }
        if (!folder.isAbsolute()) {
            throw new IllegalArgumentException(where + "path '" + path + "' is relative; give an absolute path");
        }
        if (!Files.exists(folder)) {
            throw new IllegalArgumentException(where + "path " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(where + "path " + folder + " is a file, not a folder");
        }
        return folder.normalize();
    }
}
