package dev.graft.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The {@code graft} command: starts an embedded Felix framework with the Graft runtime, hands the
 * command line to the command line service inside it, and exits with that service's exit code.
 *
 * <p>Each process gets a framework storage directory of its own, removed when the process ends,
 * also on Ctrl-C (SIGINT) and SIGTERM. When a plugin's code calls {@code System.exit} at run time
 * (the compiler refuses the call, so only through reflection or a library), the launcher names the
 * plugin on standard error, stops, and exits with {@value PluginExit#EXIT_PLUGIN_EXIT} instead of
 * the plugin's code. The bundles the run property {@value #SHELL_BUNDLES_PROPERTY}
 * names are installed but not started: only {@code graft shell} needs them, and starts them. The
 * Servlet Whiteboard (Felix HTTP Jetty) is installed and started only when {@code run} or
 * {@code shell} is given {@code --http [HOST:]PORT}; see {@link HttpEndpoint}.
 */
public final class Launcher {

    /** Exit code when the runtime could not be started. */
    static final int EXIT_STARTUP_FAILED = 3;

    private static final long START_TIMEOUT_MS = 60_000;
    private static final long STOP_TIMEOUT_MS = 30_000;
    /** A plugin that called exit may hold a lock its bundle's stop needs: stopping waits this long at most. */
    private static final long STOP_AFTER_PLUGIN_EXIT_MS = 5_000;
    /** How long one bundle may stay starting or stopping while the framework stops before it counts as stuck. */
    private static final long STUCK_BUNDLE_MS = 1_000;
    /** Framework property that asks the host to print the OSGi log on standard error, one line an entry. */
    static final String CONSOLE_LOG_PROPERTY = "graft.log.console";
    /** Run property naming the bundles only {@code graft shell} needs; that command starts them. */
    static final String SHELL_BUNDLES_PROPERTY = "graft.shell.bundles";

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
            System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        Distribution distribution;
        FrameworkStorage storage;
        try {
            distribution = Distribution.locate();
            storage = FrameworkStorage.create();
        } catch (IOException e) {
            System.err.println("graft: cannot start: " + e.getMessage());
            return EXIT_STARTUP_FAILED;
        }
        Optional<HttpEndpoint> http = HttpEndpoint.of(args);
        Framework framework = createFramework(distribution, storage.frameworkDirectory(), http);
        Thread shutdownHook = new Thread(() -> onShutdown(framework, storage), "graft-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            ToIntFunction<String[]> commandLine = start(framework, distribution, http.isPresent());
            return commandLine.applyAsInt(args);
        } catch (StartupException e) {
            System.err.println("graft: cannot start the runtime: " + e.getMessage());
            return EXIT_STARTUP_FAILED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
                stop(framework, storage, STOP_TIMEOUT_MS);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the shutdown hook stops the framework and removes the storage
            }
        }
    }

    private static Framework createFramework(Distribution distribution, Path storage, Optional<HttpEndpoint> http) {
        Map<String, String> config = new HashMap<>(distribution.runProperties());
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("graft.home", distribution.home().toString());
        config.putIfAbsent("felix.log.level", "1");
        config.put(CONSOLE_LOG_PROPERTY, "true");
        http.ifPresent(endpoint -> endpoint.configure(config));
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, Launcher.class.getClassLoader())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        return factory.newFramework(config);
    }

    private static ToIntFunction<String[]> start(Framework framework, Distribution distribution, boolean web) throws StartupException {
        try {
            framework.init();
            ExtractedBundles extracted = ExtractedBundles.open(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"))
                .orElse(null);
            List<Bundle> bundles = distribution.install(framework.getBundleContext(), extracted, web);
            Set<String> shellOnly = shellOnly(distribution.runProperties().get(SHELL_BUNDLES_PROPERTY));
            for (Bundle bundle : bundles) {
                if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null && !shellOnly.contains(bundle.getSymbolicName())) {
                    bundle.start();
                }
            }
            framework.start();
        } catch (BundleException | IOException e) {
            throw new StartupException(e.getMessage(), e);
        }
        return CommandLineService.await(framework.getBundleContext(), START_TIMEOUT_MS);
    }

    /** @return the symbolic names of a comma-separated list, none for null */
    static Set<String> shellOnly(String list) {
        if (list == null) {
            return Set.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** The shutdown hook: Ctrl-C, SIGTERM, or an exit called while a command runs. */
    private static void onShutdown(Framework framework, FrameworkStorage storage) {
        Optional<String> plugin = Optional.empty();
        BundleContext context = framework.getBundleContext();
        if (context != null) {
            plugin = PluginExit.caller(context);
        }
        plugin.ifPresent(p -> System.err.println("graft: plugin " + p + " called System.exit, which would end Graft and every "
            + "other plugin; stopping with exit code " + PluginExit.EXIT_PLUGIN_EXIT));
        stop(framework, storage, plugin.isPresent() ? STOP_AFTER_PLUGIN_EXIT_MS : STOP_TIMEOUT_MS);
        if (plugin.isPresent()) {
            Runtime.getRuntime().halt(PluginExit.EXIT_PLUGIN_EXIT);
        }
    }

    private static void stop(Framework framework, FrameworkStorage storage, long timeoutMillis) {
        try {
            if ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING)) != 0) {
                FrameworkStop wait = new FrameworkStop(framework, timeoutMillis, STUCK_BUNDLE_MS);
                framework.stop();
                wait.await()
                    .ifPresent(stuck -> System.err.println("graft: stopping without waiting for " + stuck));
            }
        } catch (BundleException | InterruptedException e) {
            System.err.println("graft: the framework did not stop cleanly: " + e.getMessage());
        } finally {
            storage.delete();
        }
    }
}
