package dev.graft.test.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import dev.graft.cache.PluginCache;
import dev.graft.compiler.PluginCompiler;
import dev.graft.host.PluginLoader;

/** Configuration the tests set through Configuration Admin, and take back when closed. */
public final class Settings implements AutoCloseable {

    /** A change that may throw. */
    public interface Step {
        void run() throws Exception;
    }

    private final Step undo;

    private Settings(Step undo) {
        this.undo = undo;
    }

    /** Sets the loader's component deadline; waits until the loader took it. */
    public static Settings componentDeadline(ConfigurationAdmin cm, BundleContext context, long millis) throws Exception {
        return loader(cm, context, "componentDeadlineMillis", millis);
    }

    /** Sets the loader's deadline for bundle starts and activations; waits until the loader took it. */
    public static Settings startDeadline(ConfigurationAdmin cm, BundleContext context, long millis) throws Exception {
        return loader(cm, context, "startDeadlineMillis", millis);
    }

    private static Settings loader(ConfigurationAdmin cm, BundleContext context, String key, long millis) throws Exception {
        Configuration c = cm.getConfiguration("dev.graft.host.loader", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(key, millis);
        awaitModified(context, PluginLoader.class, () -> c.update(properties));
        return new Settings(() -> awaitModified(context, PluginLoader.class, c::delete));
    }

    /** Sets the compiler's deadline; waits until the compiler took it. */
    public static Settings compileDeadline(ConfigurationAdmin cm, BundleContext context, long millis) throws Exception {
        Configuration c = cm.getConfiguration("dev.graft.compiler", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("compileDeadlineMillis", millis);
        awaitModified(context, PluginCompiler.class, () -> c.update(properties));
        return new Settings(() -> awaitModified(context, PluginCompiler.class, c::delete));
    }

    /** Points the cache at a directory of its own; waits until the cache moved there. */
    public static Settings cacheDirectory(ConfigurationAdmin cm, PluginCache cache, Path dir) throws Exception {
        Configuration c = cm.getConfiguration(PluginCache.PID, "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("dir", dir.toString());
        c.update(properties);
        awaitTrue(() -> dir.equals(cache.directory()));
        return new Settings(() -> {
            c.delete();
            awaitTrue(() -> !dir.equals(cache.directory()));
        });
    }

    @Override
    public void close() throws Exception {
        undo.run();
    }

    /** Runs the change and waits until the service's properties show that its component took the new configuration. */
    private static void awaitModified(BundleContext context, Class<?> service, Step change) throws Exception {
        CountDownLatch modified = new CountDownLatch(1);
        ServiceListener listener = e -> {
            if (e.getType() == ServiceEvent.MODIFIED) {
                modified.countDown();
            }
        };
        context.addServiceListener(listener, "(objectClass=" + service.getName() + ")");
        try {
            change.run();
            assertTrue(modified.await(10, TimeUnit.SECONDS), service.getSimpleName() + " took the configuration");
        } finally {
            context.removeServiceListener(listener);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "the configuration was not taken within 10 s");
            Thread.sleep(5);
        }
    }
}
