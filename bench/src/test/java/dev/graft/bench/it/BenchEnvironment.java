package dev.graft.bench.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import dev.graft.bench.ClassPath;
import dev.graft.bench.Report;
import dev.graft.cache.PluginCache;
import dev.graft.compiler.PluginCompiler;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRegistry;

/**
 * What every scenario needs: the framework the scenarios run in (the Graft runtime with the bench
 * bundles), its Graft services, the repository's paths, the class path of the processes the
 * scenarios start, the sample counts and the report being filled.
 */
final class BenchEnvironment {

    final BundleContext context;
    final PluginCompiler compiler;
    final PluginLoader loader;
    final PluginRegistry registry;
    final PluginCache cache;
    final ConfigurationAdmin configurationAdmin;
    final Path root;
    final Path work;
    final Path graftJar;
    final ClassPath classPath;
    final boolean quick;
    final Report report = new Report();

    BenchEnvironment() throws Exception {
        context = FrameworkUtil.getBundle(BenchEnvironment.class).getBundleContext();
        compiler = service(PluginCompiler.class);
        loader = service(PluginLoader.class);
        registry = service(PluginRegistry.class);
        cache = service(PluginCache.class);
        configurationAdmin = service(ConfigurationAdmin.class);
        root = Path.of(context.getProperty("graft.bench.root")).toAbsolutePath().normalize();
        Path target = Path.of(context.getProperty("graft.bench.target")).toAbsolutePath().normalize();
        work = target.resolve("bench-work");
        Processes.deleteTree(work);
        Files.createDirectories(work);
        graftJar = root.resolve("distribution/target/graft.jar");
        if (!Files.isRegularFile(graftJar)) {
            throw new IOException(graftJar + " is missing: build the distribution first");
        }
        classPath = ClassPath.of(target);
        quick = !"0".equals(context.getProperty("graft.bench.quick"));
    }

    /** @return the full count, or a small one when GRAFT_BENCH_QUICK is set */
    int runs(int full, int reduced) {
        return quick ? reduced : full;
    }

    <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
        if (service == null) {
            throw new IllegalStateException("no " + type.getName() + " service");
        }
        return service;
    }

    /** Points the cache service at a directory and waits until it uses it. */
    void useCacheDirectory(Path dir) throws Exception {
        Configuration c = configurationAdmin.getConfiguration(PluginCache.PID, "?");
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        props.put("dir", dir.toString());
        c.update(props);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!cache.directory().equals(dir)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the cache did not take " + dir);
            }
            Thread.onSpinWait();
        }
    }

    /** @return symbolic name and version of the bundles the report names */
    String version(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().equals(symbolicName)) {
                return b.getVersion().toString();
            }
        }
        return "?";
    }

    /** @return the java command of this JVM */
    String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** @return {@code java -cp <class path> mainClass args...} */
    List<String> benchMain(String classPathArgument, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", classPathArgument, mainClass));
        command.addAll(args);
        return command;
    }
}
