package dev.graft.compiler.internal;

/**
 * One decoded Java source file of a plugin.
 *
 * @param path the path relative to the plugin folder, for example {@code src/com/acme/Hello.java}
 * @param text the characters, without a byte order mark
 * @param lines the line map of the text
 */
record SourceFile(String path, char[] text, LineMap lines) {

    SourceFile(String path, char[] text) {
        this(path, text, new LineMap(text));
    }
}
