package dev.graft.host.internal.output;

import java.util.ResourceBundle;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.LoggerFactory;

/**
 * Where the running host's warnings go: the OSGi Log Service when the framework has one (Felix
 * Log in the graft launcher, Pax Logging in Karaf, Equinox's own), attributed to the host bundle;
 * else {@link System.Logger}. The one way host code logs; command output goes through
 * {@link Console} instead.
 */
@Component(service = HostLog.class)
public final class HostLog {

    /** The name of the host's logger, in the OSGi log and in {@code System.Logger}. */
    static final String NAME = "dev.graft.host";

    /**
     * The host bundle's {@code LoggerFactory}, typed {@code Object} so that this class loads when the
     * framework has no org.osgi.service.log package; only {@link OsgiLog} names its types.
     */
    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Object loggerFactory;

    /** @return a logger that goes to the Log Service while there is one, else to System.Logger */
    public System.Logger logger() {
        return new Routed();
    }

    /** A host logger for code that runs without the component (unit tests): always System.Logger. */
    public static System.Logger systemLogger() {
        return System.getLogger(NAME);
    }

    private final class Routed implements System.Logger {

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean isLoggable(Level level) {
            return level != Level.OFF;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            Object factory = loggerFactory;
            if (factory != null) {
                OsgiLog.log(factory, NAME, level, message, thrown);
            } else {
                systemLogger().log(level, bundle, message, thrown);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            log(level, bundle, params == null || params.length == 0 ? format : java.text.MessageFormat.format(format, params), (Throwable) null);
        }
    }
}
