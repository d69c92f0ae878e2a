package dev.graft.compiler;

import java.util.List;

/**
 * The one rule for which files and folders are not part of a source plugin: hidden entries, and
 * the temporary, backup and swap files that editors write beside the file being edited (Emacs,
 * Vim, JetBrains IDEs, Kate, VS Code and others). The reader leaves them out of the plugin (so
 * they are neither packaged nor part of the source digest), scans skip them, and the watcher does
 * not act on them.
 */
public final class PluginFiles {

    private static final List<String> SUFFIXES = List.of("~", ".swp", ".swo", ".swx", ".tmp", ".temp", ".bak", ".orig", ".part",
        ".crswap", ".kate-swp", "___jb_tmp___", "___jb_old___");

    private PluginFiles() {
    }

    /**
     * @param fileName the name of a file or folder, without its parent path
     * @return whether a file or folder of this name is left out of a plugin
     */
    public static boolean isIgnored(String fileName) {
        if (fileName.startsWith(".") || fileName.startsWith("#") || fileName.equals("4913")) {
            return true;
        }
        for (String suffix : SUFFIXES) {
            if (fileName.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
