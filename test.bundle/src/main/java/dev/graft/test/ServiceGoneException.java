package dev.graft.test;

/**
 * Thrown by a service proxy of the kit when the plugin service it called went away before or
 * during the call: it was unregistered by a swap or an unload of its plugin. A proxy that follows
 * the best matching service reaches the replacement on the next call.
 */
public final class ServiceGoneException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which service, which call, what to do
     * @param cause what the service threw as it went, or null
     */
    public ServiceGoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
