package dev.graft.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dev.graft.compiler.SourcePlugin;

/**
 * A source plugin written in a test: files by relative path and content, and an optional
 * {@code bnd.bnd}. Write it to a folder for the loader, or turn it into a {@link SourcePlugin}
 * for the compiler.
 *
 * <pre>
 * PluginSources.named("hello")
 *     .bnd("Bundle-Version: 1.0.0")
 *     .file("src/com/acme/Hello.java", "package com.acme; public class Hello {}")
 *     .writeTo(site);
 * </pre>
 */
public final class PluginSources {

    private final String name;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private PluginSources(String name) {
        this.name = name;
    }

    /**
     * @param name the plugin's name, which is also its folder's name
     * @return an empty plugin
     */
    public static PluginSources named(String name) {
        return new PluginSources(name);
    }

    /**
     * A copy of a plugin folder to change in the test, for example a next version to swap in.
     * Hidden files and folders (names starting with {@code .}) are left out. The name is the
     * folder's name.
     *
     * @param folder the plugin folder
     * @return a plugin with the folder's files
     * @throws IOException when the folder cannot be read
     */
    public static PluginSources from(Path folder) throws IOException {
        PluginSources copy = named(folder.getFileName().toString());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String relative = folder.relativize(file).toString().replace('\\', '/');
            if (!relative.startsWith(".") && !relative.contains("/.")) {
                copy.file(relative, Files.readAllBytes(file));
            }
        }
        return copy;
    }

    /**
     * Changes the text of a file already added.
     *
     * @param path the path relative to the plugin folder
     * @param change turns the old text (UTF-8) into the new one
     * @return this
     * @throws IllegalArgumentException when the plugin has no such file
     */
    public PluginSources edit(String path, UnaryOperator<String> change) {
        byte[] old = files.get(path);
        if (old == null) {
            throw new IllegalArgumentException("plugin " + name + " has no file " + path + "; it has " + files.keySet());
        }
        return file(path, change.apply(new String(old, StandardCharsets.UTF_8)));
    }

    /**
     * Adds or replaces a file.
     *
     * @param path the path relative to the plugin folder, with forward slashes
     * @param content the text, written in UTF-8
     * @return this
     */
    public PluginSources file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Adds or replaces a file.
     *
     * @param path the path relative to the plugin folder, with forward slashes
     * @param content the bytes
     * @return this
     */
    public PluginSources file(String path, byte[] content) {
        files.put(SourcePlugin.checkPath(path), content.clone());
        return this;
    }

    /**
     * Sets the plugin's {@code bnd.bnd}.
     *
     * @param lines the instructions, one per line
     * @return this
     */
    public PluginSources bnd(String... lines) {
        return file("bnd.bnd", String.join("\n", lines) + "\n");
    }

    /** @return the plugin's name */
    public String name() {
        return name;
    }

    /** @return the plugin as the compiler takes it */
    public SourcePlugin toSourcePlugin() {
        return SourcePlugin.of(name, files);
    }

    /**
     * Writes the plugin as a folder named after it, replacing the files it names.
     *
     * @param site the folder to write the plugin folder into
     * @return the plugin folder
     * @throws IOException when a file cannot be written
     */
    public Path writeTo(Path site) throws IOException {
        Path folder = site.resolve(name);
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path file = folder.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        return folder;
    }
}
