package dev.graft.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The start-up floor: a plain Felix launcher, Felix on the class path, that installs Declarative
 * Services (the same SCR bundles graft.jar carries) and every prebuilt plugin jar of a folder,
 * starts them all, waits until every plugin's component has registered its service, then stops.
 *
 * <p>{@code PlainFelix GRAFT_JAR JAR_FOLDER} prints {@code plugins=N ready-ms=M}.
 */
public final class PlainFelix {

    /** The bundles of graft.jar that DS components need: SCR and what it imports. */
    private static final List<String> SCR = List.of("org.apache.felix.scr", "org.osgi.service.component",
        "org.osgi.util.promise", "org.osgi.util.function", "org.osgi.service.log");

    private PlainFelix() {
    }

    public static void main(String[] args) throws Exception {
        long begin = System.nanoTime();
        List<Path> plugins;
        try (Stream<Path> files = Files.list(Path.of(args[1]))) {
            plugins = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        Map<String, byte[]> jars = new java.util.LinkedHashMap<>();
        for (Path p : plugins) {
            jars.put(p.toUri().toString(), Files.readAllBytes(p));
        }
        long ready = startAndStop(Path.of(args[0]), jars);
        System.out.printf(java.util.Locale.ROOT, "plugins=%d ready-ms=%.1f%n", plugins.size(), (ready - begin) / 1e6);
    }

    /**
     * Starts a framework with SCR and the given plugin bundles, waits until every plugin's component
     * has registered its service, then stops it.
     *
     * @param graftJar where SCR's bundles are taken from
     * @param plugins the plugin bundles by location
     * @return when every plugin was ready, in {@link System#nanoTime()}
     */
    static long startAndStop(Path graftJar, Map<String, byte[]> plugins) throws Exception {
        Path storage = Files.createTempDirectory("plain-felix-");
        Framework framework = initialized(storage);
        BundleContext context = framework.getBundleContext();
        List<Bundle> bundles = new ArrayList<>(installScr(context, graftJar));
        Filter plugin = context.createFilter("(" + GeneratedPlugin.PROPERTY + "=*)");
        CountDownLatch all = new CountDownLatch(plugins.size());
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, plugin, null) {
            @Override
            public Object addingService(org.osgi.framework.ServiceReference<Object> reference) {
                all.countDown();
                return reference;
            }
        };
        tracker.open(true);
        for (Map.Entry<String, byte[]> p : plugins.entrySet()) {
            bundles.add(context.installBundle(p.getKey(), new java.io.ByteArrayInputStream(p.getValue())));
        }
        framework.start();
        for (Bundle b : bundles) {
            b.start();
        }
        if (!all.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException((plugins.size() - all.getCount()) + " of " + plugins.size() + " plugins became ready");
        }
        long ready = System.nanoTime();
        tracker.close();
        framework.stop();
        framework.waitForStop(30_000);
        deleteTree(storage);
        return ready;
    }

    /** A Felix framework on empty storage in the folder, initialized, not started. */
    static Framework initialized(Path storage) throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(config);
        framework.init();
        return framework;
    }

    private static List<Bundle> installScr(BundleContext context, Path graftJar) throws Exception {
        List<Bundle> installed = new ArrayList<>();
        try (JarFile jar = new JarFile(graftJar.toFile())) {
            for (JarEntry e : jar.stream().toList()) {
                String file = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                if (e.getName().startsWith("graft/bundles/") && SCR.stream().anyMatch(s -> file.startsWith(s + "-"))) {
                    try (InputStream in = jar.getInputStream(e)) {
                        installed.add(context.installBundle("plain:" + file, in));
                    }
                }
            }
        }
        if (installed.size() != SCR.size()) {
            throw new IllegalStateException("expected " + SCR + " in " + graftJar + ", found " + installed.size());
        }
        return installed;
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
