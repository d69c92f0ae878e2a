package dev.graft.cache.internal;

/** Where the store reports trouble that it answers as a value (one call per problem). */
@FunctionalInterface
public interface Warnings {

    /** Logs through {@code System.Logger} under the name {@code dev.graft.cache}. */
    Warnings SYSTEM_LOGGER = (message, cause) -> System.getLogger("dev.graft.cache")
        .log(System.Logger.Level.WARNING, message, cause);

    /**
     * @param message what went wrong and what it means for the user
     * @param cause the exception behind it, or null
     */
    void warn(String message, Throwable cause);
}
