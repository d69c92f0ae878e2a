package dev.graft.host.internal.output;

import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/** Writes one message to the OSGi Log Service; the only host class that names its types, loaded only when one is there. */
final class OsgiLog {

    private OsgiLog() {
    }

    static void log(Object loggerFactory, String name, System.Logger.Level level, String message, Throwable thrown) {
        Logger logger = ((LoggerFactory) loggerFactory).getLogger(name);
        // the message is an argument, never the format: a '{}' in it stays as it is
        switch (level) {
            case ERROR -> logger.error("{}", message, thrown);
            case WARNING -> logger.warn("{}", message, thrown);
            case INFO -> logger.info("{}", message, thrown);
            case DEBUG -> logger.debug("{}", message, thrown);
            case TRACE, ALL -> logger.trace("{}", message, thrown);
            case OFF -> {
                // nothing
            }
        }
    }
}
