package dev.graft.host.internal.output;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Opens the graft launcher's log console ({@link LogConsole}) when the framework property
 * {@value #PROPERTY} is {@code true} (the launcher sets it) and the host is wired to the OSGi Log
 * Service's package. Inside another application (Karaf, an Equinox product) the property is not
 * set and its own log configuration decides what shows. Names no Log Service type, so that it
 * loads, and the host resolves, without one.
 */
@Component(immediate = true)
public final class ConsoleLog {

    /** The framework property that turns the console on. */
    public static final String PROPERTY = "graft.log.console";

    private AutoCloseable console;

    @Activate
    void activate(BundleContext context) {
        if (Boolean.parseBoolean(context.getProperty(PROPERTY)) && PackageWiring.wiredTo(context, "org.osgi.service.log")) {
            console = LogConsole.open(context);
        }
    }

    @Deactivate
    void deactivate() throws Exception {
        if (console != null) {
            console.close();
        }
    }
}
