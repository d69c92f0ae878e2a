package dev.graft.cache;

/**
 * The cache directory cannot be used: refused (others can write it), unreadable, or holding a
 * garbage info file while read-only. The message says which directory and what to do.
 */
public class CacheException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and what to do
     * @param cause the underlying problem, or null
     */
    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param message what is wrong and what to do
     */
    public CacheException(String message) {
        super(message);
    }
}
