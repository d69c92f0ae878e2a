package dev.graft.host.internal.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

import dev.graft.compiler.CompileOptions;
import dev.graft.compiler.ImportPolicy;

/**
 * The compile options a site adds to the compiler's for its plugins, from two files in the site
 * folder: {@value #SIGNATURES_FILE}, calls the site forbids besides those Graft forbids every
 * plugin, in forbiddenapis' signatures format ({@code java.lang.Class#forName(java.lang.String) @ reason},
 * one a line); and {@value #POLICY_FILE}, an import policy in the format of {@code --policy}, which
 * applies together with the compiler's (a package either denies may not be imported), as does the
 * file the site's configuration names ({@code policy} of {@code dev.graft.site}). All are part of
 * the compile options, so editing one changes every key of the site's plugins.
 */
public final class SiteOptions {

    /** The file of forbidden signatures in a site folder. */
    static final String SIGNATURES_FILE = "forbidden-signatures.txt";
    /** The file of the import policy in a site folder. */
    static final String POLICY_FILE = "import-policy.txt";

    private SiteOptions() {
    }

    /**
     * @param pluginFolder a plugin folder; its parent is its site
     * @param defaults the compiler's options
     * @return the options with the site's signatures and import policy, or the defaults when the site has neither
     * @throws IOException naming the file when one exists but cannot be read, or a line of the policy is not a rule
     */
    public static CompileOptions options(Path pluginFolder, CompileOptions defaults) throws IOException {
        return options(pluginFolder, defaults, site -> Optional.empty());
    }

    /**
     * @param pluginFolder a plugin folder; its parent is its site
     * @param defaults the compiler's options
     * @param configuredPolicy the policy file the site's configuration names, if any, by site folder
     * @return the options with the site's signatures and import policies (its file's and its configuration's)
     * @throws IOException naming the file when one cannot be read, or a line of a policy is not a rule
     */
    public static CompileOptions options(Path pluginFolder, CompileOptions defaults, Function<Path, Optional<Path>> configuredPolicy)
        throws IOException {
        Path site = pluginFolder.toAbsolutePath().normalize().getParent();
        if (site == null) {
            return defaults;
        }
        CompileOptions options = defaults;
        Path signatures = site.resolve(SIGNATURES_FILE);
        if (Files.isRegularFile(signatures)) {
            options = options.withForbiddenSignatures(Files.readString(signatures, StandardCharsets.UTF_8));
        }
        Path policy = site.resolve(POLICY_FILE);
        if (Files.isRegularFile(policy)) {
            options = options.withImportPolicy(options.importPolicy().and(policy(policy)));
        }
        Optional<Path> configured = configuredPolicy.apply(site);
        if (configured.isPresent()) {
            options = options.withImportPolicy(options.importPolicy().and(policy(configured.get())));
        }
        return options;
    }

    /**
     * @param file a policy file
     * @return its policy
     * @throws IOException naming the file when it cannot be read, or {@code FILE:LINE} when a line is not a rule
     */
    public static ImportPolicy policy(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read: " + e, e);
        }
        try {
            return ImportPolicy.parse(text, file.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
