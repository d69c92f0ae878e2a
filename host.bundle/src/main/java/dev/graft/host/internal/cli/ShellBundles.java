package dev.graft.host.internal.cli;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * The bundles only {@code graft shell} needs (Gogo, Metatype), named by the framework property
 * {@value #PROPERTY}: the launcher installs them without starting them, so that every other
 * command starts without them; the shell starts them when it opens.
 */
final class ShellBundles {

    static final String PROPERTY = "graft.shell.bundles";

    private ShellBundles() {
    }

    /** @return the symbolic names a property value lists, comma-separated */
    static Set<String> names(String value) {
        if (value == null) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Starts the shell's bundles that are installed and not yet active. */
    static void start(BundleContext context) throws BundleException {
        Set<String> names = names(context.getProperty(PROPERTY));
        for (Bundle b : context.getBundles()) {
            if (names.contains(b.getSymbolicName()) && b.getState() != Bundle.ACTIVE) {
                b.start();
            }
        }
    }
}
