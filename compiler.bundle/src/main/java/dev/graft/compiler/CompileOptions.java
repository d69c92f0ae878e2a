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
 */
public record CompileOptions(int release, boolean warningsAsErrors, boolean debugInfo, Charset encoding) {

    /** The lowest Java release a source plugin can be compiled for. */
    public static final int MIN_RELEASE = 8;

    public CompileOptions {
        if (release < MIN_RELEASE) {
            throw new IllegalArgumentException("Java release " + release + " is below the supported minimum " + MIN_RELEASE);
        }
        if (encoding == null) {
            throw new IllegalArgumentException("encoding must not be null");
        }
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
     * @return for example {@code release=17;warningsAsErrors=false;debugInfo=true;encoding=UTF-8}
     */
    public String canonical() {
        return "release=" + release + ";warningsAsErrors=" + warningsAsErrors + ";debugInfo=" + debugInfo
            + ";encoding=" + encoding.name();
    }
}
