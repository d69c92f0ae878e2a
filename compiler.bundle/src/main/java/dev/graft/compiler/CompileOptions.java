package dev.graft.compiler;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The options a source plugin is compiled with. They are part of a build's cache key, so two
 * builds with different options never share an entry.
 *
 * @param release the Java feature release to compile for (for example 17)
 * @param warningsAsErrors whether a warning fails the build
 * @param debugInfo whether line numbers, source file names and local variable names are generated
 * @param encoding the character set the source files are read in
 * @param forbiddenSignatures calls the plugin may not make besides those Graft forbids to every
 *        plugin (ending the process, replacing the console, ...), in the signatures format of
 *        forbiddenapis ({@code java.lang.Class#forName(java.lang.String) @ reason}, one a line);
 *        empty for none. Only classes of the JDK can be named.
 * @param importPolicy the packages the plugin may not import
 */
public record CompileOptions(int release, boolean warningsAsErrors, boolean debugInfo, Charset encoding, String forbiddenSignatures,
    ImportPolicy importPolicy) {

    /** The lowest Java release a source plugin can be compiled for. */
    public static final int MIN_RELEASE = 8;

    public CompileOptions {
        if (release < MIN_RELEASE) {
            throw new IllegalArgumentException("Java release " + release + " is below the supported minimum " + MIN_RELEASE);
        }
        if (encoding == null) {
            throw new IllegalArgumentException("encoding must not be null");
        }
        if (forbiddenSignatures == null) {
            throw new IllegalArgumentException("forbiddenSignatures must not be null (empty for none)");
        }
        if (importPolicy == null) {
            throw new IllegalArgumentException("importPolicy must not be null");
        }
    }

    /**
     * Options without forbidden signatures of their own, with the default import policy.
     *
     * @param release the Java feature release to compile for
     * @param warningsAsErrors whether a warning fails the build
     * @param debugInfo whether line numbers, source file names and local variable names are generated
     * @param encoding the character set the source files are read in
     */
    public CompileOptions(int release, boolean warningsAsErrors, boolean debugInfo, Charset encoding) {
        this(release, warningsAsErrors, debugInfo, encoding, "", ImportPolicy.defaults());
    }

    /**
     * @param signatures forbidden signatures, in forbiddenapis' format, or empty
     * @return these options with the given forbidden signatures instead of their own
     */
    public CompileOptions withForbiddenSignatures(String signatures) {
        return new CompileOptions(release, warningsAsErrors, debugInfo, encoding, signatures, importPolicy);
    }

    /**
     * @param policy an import policy
     * @return these options with that policy
     */
    public CompileOptions withImportPolicy(ImportPolicy policy) {
        return new CompileOptions(release, warningsAsErrors, debugInfo, encoding, forbiddenSignatures, policy);
    }

    /**
     * The defaults: the given release, warnings are not errors, debug info on, UTF-8.
     *
     * @param release the Java feature release to compile for
     * @return options with the defaults for everything but the release
     */
    public static CompileOptions defaults(int release) {
        return new CompileOptions(release, false, true, StandardCharsets.UTF_8);
    }

    /**
     * A stable text form of these options, used in cache keys and provenance headers.
     *
     * @return for example {@code release=17;warningsAsErrors=false;debugInfo=true;encoding=UTF-8}, followed by
     *         {@code ;forbidden=} and the SHA-256 of the forbidden signatures when there are any, and
     *         {@code ;importPolicy=} with a digest of the policy's rules when it has rules of its own
     */
    public String canonical() {
        String base = "release=" + release + ";warningsAsErrors=" + warningsAsErrors + ";debugInfo=" + debugInfo
            + ";encoding=" + encoding.name();
        String forbidden = forbiddenSignatures.isEmpty() ? "" : ";forbidden=" + sha256(forbiddenSignatures);
        return base + forbidden + (importPolicy.isDefault() ? "" : ";importPolicy=" + importPolicy.digest());
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
