package dev.graft.test.it.compiler;

import static dev.graft.test.GraftAssertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.graft.compiler.Build;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.SourcePlugin;
import dev.graft.test.PluginSources;

/** Small helpers to write source plugins in tests and look into the bundles built from them. */
final class Plugins {

    private Plugins() {
    }

    /**
     * @param name the plugin's name
     * @param pathsAndTexts relative path, text, relative path, text, ...
     * @return the plugin, its texts in UTF-8
     */
    static SourcePlugin plugin(String name, String... pathsAndTexts) {
        PluginSources sources = PluginSources.named(name);
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            sources.file(pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return sources.toSourcePlugin();
    }

    static Manifest manifest(Build build) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(build.bundle().orElseThrow()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                if (e.getName().equals("META-INF/MANIFEST.MF")) {
                    return new Manifest(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no manifest in " + build);
    }

    static String header(Build build, String name) {
        return manifest(build).getMainAttributes().getValue(name);
    }

    static Map<String, byte[]> entries(Build build) {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(build.bundle().orElseThrow()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** @return the diagnostics one a line, as javac prints them */
    static String describe(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n", "\n", ""));
    }

    /** @return the only error of a failed build */
    static Diagnostic onlyError(Build build) {
        Diagnostic error = assertThat(build).hasSingleError().diagnostic();
        if (build.succeeded() || build.bundle().isPresent()) {
            throw new AssertionError("a build with an error has a bundle: " + describe(build.diagnostics()));
        }
        return error;
    }

    /** A class with a method, in package com.acme. */
    static String hello(String className) {
        return "package com.acme;\n\npublic class " + className + " {\n    public String hello() {\n        return \"hello\";\n    }\n}\n";
    }
}
