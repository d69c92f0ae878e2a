package dev.graft.bench;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A site by configuration in a framework that is not Graft's launcher: the framework on the class
 * path (Felix or Equinox, whichever the class path holds) starts the bundles graft.jar carries
 * (without the Gogo shell), then one {@code dev.graft.site} configuration is created for a folder,
 * and the time until the site component logs its plugins loaded (Graft's readiness rule: every
 * component settled) is measured.
 *
 * <p>{@code SiteInFramework GRAFT_JAR SITE} prints
 * {@code framework=NAME plugins=N failed=M config-to-loaded-ms=X process-to-loaded-ms=Y}.
 */
public final class SiteInFramework {

    private static final Pattern LOADED = Pattern.compile("(\\d+) loaded, (\\d+) failed");
    /** Held: java.util.logging keeps its loggers weakly, and with them the handler added here. */
    private static final Logger HOST_LOG = Logger.getLogger("dev.graft.host");

    private SiteInFramework() {
    }

    public static void main(String[] args) throws Exception {
        long processStart = ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(System.currentTimeMillis());
        Path graftJar = Path.of(args[0]);
        Path site = Path.of(args[1]).toAbsolutePath().normalize();
        CompletableFuture<Matcher> loaded = new CompletableFuture<>();
        // Graft logs through System.Logger, which is java.util.logging in a framework that sets no other
        HOST_LOG.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                Matcher m = message == null ? null : LOADED.matcher(message);
                if (m != null && message.startsWith("site " + site + ": ") && m.find()) {
                    loaded.complete(m);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        Path storage = Files.createTempDirectory("site-in-framework-");
        Framework framework = PlainFelix.initialized(storage);
        BundleContext context = framework.getBundleContext();
        List<Bundle> bundles = install(context, graftJar);
        framework.start();
        for (Bundle b : bundles) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                b.start();
            }
        }
        awaitService(context, "dev.graft.host.PluginLoader");
        ServiceReference<?> cmRef = awaitService(context, "org.osgi.service.cm.ConfigurationAdmin");

        long begin = System.nanoTime();
        createSite(context, cmRef, site);
        Matcher m = loaded.get(300, TimeUnit.SECONDS);
        double configToLoaded = (System.nanoTime() - begin) / 1e6;
        long processToLoaded = System.currentTimeMillis() - processStart;

        framework.stop();
        framework.waitForStop(30_000);
        PlainFelix.deleteTree(storage);
        System.out.printf(java.util.Locale.ROOT, "framework=%s plugins=%s failed=%s config-to-loaded-ms=%.1f process-to-loaded-ms=%d%n",
            framework.getSymbolicName() + " " + framework.getVersion(), m.group(1), m.group(2),
            configToLoaded, processToLoaded);
    }

    /** Installs the bundles graft.jar carries, except the Gogo shell's. */
    private static List<Bundle> install(BundleContext context, Path graftJar) throws Exception {
        List<Bundle> installed = new ArrayList<>();
        try (JarFile jar = new JarFile(graftJar.toFile())) {
            for (JarEntry e : jar.stream().toList()) {
                String file = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                if (e.getName().startsWith("graft/bundles/") && file.endsWith(".jar") && !file.startsWith("org.apache.felix.gogo")) {
                    try (InputStream in = jar.getInputStream(e)) {
                        installed.add(context.installBundle("bench:" + file, in));
                    }
                }
            }
        }
        return installed;
    }

    private static ServiceReference<?> awaitService(BundleContext context, String type) throws InterruptedException {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, type, null);
        tracker.open(true);
        try {
            if (tracker.waitForService(120_000) == null) {
                throw new IllegalStateException("no " + type + " service within 120 s");
            }
            return tracker.getServiceReference();
        } finally {
            tracker.close();
        }
    }

    /** Creates the site's configuration through Configuration Admin, whose API this class path does not hold. */
    private static void createSite(BundleContext context, ServiceReference<?> cmRef, Path site) throws Exception {
        Object cm = context.getService(cmRef);
        Class<?> adminType = cmRef.getBundle().loadClass("org.osgi.service.cm.ConfigurationAdmin");
        Class<?> configurationType = cmRef.getBundle().loadClass("org.osgi.service.cm.Configuration");
        Object configuration = adminType.getMethod("createFactoryConfiguration", String.class, String.class)
            .invoke(cm, "dev.graft.site", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("path", site.toString());
        properties.put("watch", Boolean.FALSE);
        Method update = configurationType.getMethod("update", Dictionary.class);
        update.invoke(configuration, properties);
    }
}
