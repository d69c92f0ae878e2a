package dev.graft.host.internal;

import java.util.List;

/**
 * Names of files and folders that are not part of a plugin: hidden entries, and the temporary,
 * backup and swap files that editors write beside the file being edited (Emacs, Vim, JetBrains
 * IDEs, Kate, VS Code and others). Scans skip them and the watcher does not act on them.
 */
final class IgnoredFiles {

    private static final List<String> SUFFIXES = List.of("~", ".swp", ".swo", ".swx", ".tmp", ".temp", ".bak", ".orig", ".part",
        ".crswap", ".kate-swp", "___jb_tmp___", "___jb_old___");

    private IgnoredFiles() {
    }

    /** @return whether a file or folder of this name is ignored */
    static boolean isIgnored(String fileName) {
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
