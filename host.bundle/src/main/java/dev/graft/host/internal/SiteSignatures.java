package dev.graft.host.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.graft.compiler.CompileOptions;

/**
 * The calls a site forbids its plugins besides those Graft forbids every plugin: the file
 * {@value #FILE} in the site folder, in forbiddenapis' signatures format
 * ({@code java.lang.Class#forName(java.lang.String) @ reason}, one a line). Its text is part of
 * the compile options, so editing it changes every key of the site's plugins.
 */
final class SiteSignatures {

    /** The file name in a site folder. */
    static final String FILE = "forbidden-signatures.txt";

    private SiteSignatures() {
    }

    /**
     * @param pluginFolder a plugin folder; its parent is its site
     * @param defaults the compiler's options
     * @return the options with the site's signatures, or the defaults when the site has none
     * @throws IOException when the site's file exists but cannot be read
     */
    static CompileOptions options(Path pluginFolder, CompileOptions defaults) throws IOException {
        Path site = pluginFolder.toAbsolutePath().normalize().getParent();
        if (site == null) {
            return defaults;
        }
        Path file = site.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return defaults;
        }
        return defaults.withForbiddenSignatures(Files.readString(file, StandardCharsets.UTF_8));
    }
}
