package dev.graft.host;

/**
 * How the launcher finds the command line inside the framework. The launcher lives outside the
 * framework and shares only the JDK's classes with it, so the command line is registered as a
 * {@link java.util.function.ToIntFunction ToIntFunction&lt;String[]&gt;} carrying the property
 * {@value #PROPERTY}{@code =true}; the launcher applies it to the arguments and exits with the result.
 */
public final class GraftMain {

    /** Service property that marks the command line service. */
    public static final String PROPERTY = "graft.main";

    /** The filter the launcher uses to find the command line service. */
    public static final String FILTER = "(&(objectClass=java.util.function.ToIntFunction)(" + PROPERTY + "=true))";

    /** Exit code: success. */
    public static final int EXIT_OK = 0;
    /** Exit code: a plugin, a check or a command failed. */
    public static final int EXIT_FAILED = 1;
    /** Exit code: the command line was not understood. */
    public static final int EXIT_USAGE = 2;

    private GraftMain() {
    }
}
