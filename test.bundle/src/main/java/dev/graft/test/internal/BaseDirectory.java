package dev.graft.test.internal;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/** The folder that relative plugin paths of the kit are resolved against. */
public final class BaseDirectory {

    /** The framework (or system) property naming the base directory. */
    public static final String PROPERTY = "graft.test.base";

    private BaseDirectory() {
    }

    /**
     * @param context a bundle context of the running framework
     * @return the property {@value #PROPERTY} when set (a framework property, else a system
     *         property), else the working directory
     */
    public static Path of(BundleContext context) {
        String configured = context.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("user.dir");
        }
        return Path.of(configured).toAbsolutePath().normalize();
    }
}
