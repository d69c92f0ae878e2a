package dev.graft.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.util.tracker.ServiceTracker;

import dev.graft.compiler.Build;
import dev.graft.compiler.CheckResult;
import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.SourceException;
import dev.graft.compiler.SourcePlugin;
import dev.graft.host.FoundPlugin;
import dev.graft.host.LoadOptions;
import dev.graft.host.LoadPlan;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginState;
import dev.graft.host.SwapResult;
import dev.graft.test.internal.BaseDirectory;
import dev.graft.test.internal.CacheDirectory;
import dev.graft.test.internal.ComponentProbe;
import dev.graft.test.internal.ConfigurationChange;
import dev.graft.test.internal.EventWait;
import dev.graft.test.internal.PluginLogs;
import dev.graft.test.internal.RegisteredServices;
import dev.graft.test.internal.ServiceLookup;
import dev.graft.test.internal.ServiceProxies;
import dev.graft.test.internal.ServiceQuery;

/**
 * Compiles, loads and swaps source plugins through Graft's own {@link PluginCompiler} and
 * {@link PluginLoader} services, for one test scope. Closing the kit unloads every plugin it
 * loaded and deletes the folders it wrote.
 *
 * <p>Relative plugin folders are resolved against the base directory: the framework or system
 * property {@code graft.test.base} when set, else the working directory of the test framework.
 *
 * <p>Builds bypass the plugin cache, so a test leaves nothing in any cache directory, unless the
 * test names one with {@link #cacheIn(Path)}.
 *
 * <p>{@link SourcePluginExtension} opens one kit per test method or class and closes it when the
 * scope ends; {@link #open(BundleContext)} makes one that the caller closes.
 */
public final class PluginKit implements AutoCloseable {

    private final BundleContext context;
    private final Path base;
    private final PluginCompiler compiler;
    private final PluginLoader loader;
    private final PluginRegistry registry;
    private final Set<String> loaded = new LinkedHashSet<>();
    private final List<Path> temporary = new ArrayList<>();
    /** Configurations the test gave plugins, closed (restored) last first before the plugins are unloaded. */
    private final Deque<AppliedConfiguration> configurations = new ArrayDeque<>();
    private final PluginLogs logs;
    /** Graft's services, held while the kit lives: a delayed component whose service nobody holds is deactivated. */
    private final List<ServiceTracker<?, ?>> held = new ArrayList<>();
    private final ServiceComponentRuntime scr;
    private ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> admin;
    private CacheDirectory cache;

    /** How long a wait of the kit lasts when the test does not say. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Declarative Services announces no event when a component without services gets a configuration: look again this often. */
    private static final Duration COMPONENT_RECHECK = Duration.ofMillis(50);

    private PluginKit(BundleContext context) {
        this.context = context;
        this.base = BaseDirectory.of(context);
        this.compiler = ServiceLookup.hold(context, PluginCompiler.class, held);
        this.loader = ServiceLookup.hold(context, PluginLoader.class, held);
        this.registry = ServiceLookup.hold(context, PluginRegistry.class, held);
        this.scr = ServiceLookup.hold(context, ServiceComponentRuntime.class, held);
        this.logs = new PluginLogs(context);
    }

    /**
     * Opens a kit that the caller closes.
     *
     * @param context the bundle context of the test bundle
     * @return the kit
     * @throws IllegalStateException when Graft's services do not appear within 10 seconds
     */
    public static PluginKit open(BundleContext context) {
        return new PluginKit(Objects.requireNonNull(context, "context"));
    }

    /** @return the folder that relative plugin folders are resolved against */
    public Path base() {
        return base;
    }

    /**
     * @param folder a plugin folder, relative to {@link #base()} or absolute
     * @return the absolute folder
     */
    public Path resolve(String folder) {
        return base.resolve(folder).normalize();
    }

    /**
     * Lets loads and swaps use the plugin cache, in the given directory, until the kit closes;
     * the cache's previous configuration comes back then. The directory is the test's: the kit
     * does not delete it.
     *
     * @param dir the cache directory
     * @return this
     */
    public PluginKit cacheIn(Path dir) {
        try {
            if (cache != null) {
                cache.close();
            }
            cache = CacheDirectory.redirect(context, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot point the plugin cache at " + dir, e);
        }
        return this;
    }

    /**
     * Compiles a plugin folder without installing it.
     *
     * @param folder relative to {@link #base()} or absolute
     * @return the build
     * @throws IllegalArgumentException naming the file and cause when the folder cannot be read
     */
    public Build compile(String folder) {
        return compile(resolve(folder));
    }

    /**
     * Compiles a plugin folder without installing it, after the plugins of the same site (its
     * parent folder) that it needs, as {@code graft check} does: the site's plan, made by the
     * host's loader, says which they are and in which order; each is compiled (not installed)
     * and the folder is compiled against them. A needed plugin that does not compile leaves its
     * packages missing, and the build says so at the import.
     *
     * @param folder the plugin folder
     * @return the build of the folder
     * @throws IllegalArgumentException naming the file and cause when the folder cannot be read
     */
    public Build compile(Path folder) {
        List<Build> batch = new ArrayList<>();
        for (FoundPlugin needed : siteDependencies(folder)) {
            if (needed.prebuilt()) {
                continue;
            }
            Build build = compiler.compile(needed.source().orElseGet(() -> read(needed.folder())), compiler.defaultOptions(), List.copyOf(batch));
            if (build.succeeded()) {
                batch.add(build);
            }
        }
        return compiler.compile(read(folder), compiler.defaultOptions(), batch);
    }

    /** The source plugins of the folder's site that it needs, transitively, in the plan's order. */
    private List<FoundPlugin> siteDependencies(Path folder) {
        Path site = folder.toAbsolutePath().normalize().getParent();
        if (site == null || !Files.isDirectory(site)) {
            return List.of();
        }
        LoadPlan plan = loader.plan(List.of(site));
        Map<String, FoundPlugin> byName = new HashMap<>();
        plan.plugins().forEach(p -> byName.put(p.name(), p));
        Set<String> needed = new HashSet<>();
        Deque<FoundPlugin> todo = new ArrayDeque<>();
        plan.plugins().stream().filter(p -> p.folder().toAbsolutePath().normalize().equals(folder.toAbsolutePath().normalize()))
            .findFirst().ifPresent(todo::add);
        while (!todo.isEmpty()) {
            for (String dependency : todo.pop().dependencies()) {
                FoundPlugin d = byName.get(dependency);
                if (d != null && needed.add(dependency)) {
                    todo.add(d);
                }
            }
        }
        return plan.plugins().stream().filter(p -> needed.contains(p.name())).toList();
    }

    /**
     * Compiles a plugin written in the test without installing it.
     *
     * @param sources the plugin
     * @return the build
     */
    public Build compile(PluginSources sources) {
        return compiler.compile(sources.toSourcePlugin());
    }

    /**
     * Compiles and analyses a plugin and says whether it would resolve; installs nothing.
     *
     * @param sources the plugin
     * @return the result
     */
    public CheckResult check(PluginSources sources) {
        return compiler.check(sources.toSourcePlugin(), List.of());
    }

    /**
     * Loads a plugin folder: compiled, installed under a new location, started.
     *
     * @param folder relative to {@link #base()} or absolute
     * @return the plugin, whatever its state; assert on it with {@link GraftAssertions}
     */
    public LoadedPlugin load(String folder) {
        return load(resolve(folder));
    }

    /**
     * Loads a plugin folder.
     *
     * @param folder the plugin folder
     * @return the plugin, whatever its state
     */
    public LoadedPlugin load(Path folder) {
        PluginRecord record = loader.load(folder, cache != null);
        loaded.add(record.name());
        return new LoadedPlugin(this, record);
    }

    /**
     * Loads every plugin of a site folder in dependency order, in one call: the host's loader
     * plans the site (as {@code graft run --site} does) and loads the plan. The plan's problems
     * (cycles, missing providers) show in the records of the plugins they block.
     *
     * @param site the site folder, relative to {@link #base()} or absolute
     * @return one plugin per record, in load order, whatever their states
     */
    public List<LoadedPlugin> loadSite(String site) {
        Path folder = resolve(site);
        LoadPlan plan = loader.plan(List.of(folder));
        List<PluginRecord> records = loader.loadAll(plan, new LoadOptions(List.of(folder), List.of(), cache != null));
        List<LoadedPlugin> plugins = new ArrayList<>();
        for (PluginRecord record : records) {
            loaded.add(record.name());
            plugins.add(new LoadedPlugin(this, record));
        }
        return plugins;
    }

    /**
     * Writes a plugin into a temporary folder of the kit and loads it.
     *
     * @param sources the plugin
     * @return the plugin, whatever its state
     */
    public LoadedPlugin load(PluginSources sources) {
        return load(write(sources));
    }

    /**
     * Swaps a loaded plugin for the version in a folder, noting the services of the old version
     * first so that {@link SwapAssert} can tell what left and what arrived.
     *
     * @param plugin the loaded plugin
     * @param folder the new version, relative to {@link #base()} or absolute
     * @return the swap
     */
    public PluginSwap swap(LoadedPlugin plugin, String folder) {
        return swap(plugin, resolve(folder));
    }

    /**
     * Swaps a loaded plugin for a version written in the test.
     *
     * @param plugin the loaded plugin
     * @param sources the new version; its name should be the plugin's
     * @return the swap
     */
    public PluginSwap swap(LoadedPlugin plugin, PluginSources sources) {
        return swap(plugin, write(sources));
    }

    /**
     * Swaps a loaded plugin for the version in a folder.
     *
     * @param plugin the loaded plugin
     * @param folder the new version
     * @return the swap
     */
    public PluginSwap swap(LoadedPlugin plugin, Path folder) {
        List<RegisteredServices.Service> before = RegisteredServices.of(context.getBundle(plugin.bundleId()));
        SwapResult result = loader.swap(plugin.name(), folder, cache != null);
        loaded.add(result.name());
        return new PluginSwap(this, plugin, result, before);
    }

    /**
     * Waits for a service of a type the test sees, registered by any bundle.
     *
     * @param type the service type
     * @param timeout how long to wait
     * @param <T> the service type
     * @return the best matching service (highest ranking)
     * @throws AssertionError at the deadline: "no service T after 5 s; present: ..."
     */
    public <T> T awaitService(Class<T> type, Duration timeout) {
        return awaitService(type, "", timeout);
    }

    /**
     * Waits for a service of a type the test sees that matches an LDAP filter.
     *
     * @param type the service type
     * @param filter an LDAP filter on the service's properties, like {@code (region=eu)}; empty for none
     * @param timeout how long to wait
     * @param <T> the service type
     * @return the best matching service the test can use as a {@code T}
     * @throws AssertionError at the deadline: "no service T with (region=eu) after 5 s; present: ..."
     */
    public <T> T awaitService(Class<T> type, String filter, Duration timeout) {
        ServiceQuery query = new ServiceQuery(type.getName(), Optional.ofNullable(filter));
        ServiceReference<?> ref = query.await(context, 1, timeout, r -> r.isAssignableTo(context.getBundle(), type.getName())).get(0);
        return type.cast(context.getService(ref));
    }

    /**
     * Waits for a service registered under a type name, which the test need not see.
     *
     * @param objectClass the type name, like {@code dev.example.Tax}
     * @param filter an LDAP filter on the service's properties; empty for none
     * @param timeout how long to wait
     * @return the best matching service's reference
     * @throws AssertionError at the deadline, naming what is registered under the type
     */
    public ServiceReference<?> awaitServiceReference(String objectClass, String filter, Duration timeout) {
        return new ServiceQuery(objectClass, Optional.ofNullable(filter)).await(context, 1, timeout, r -> true).get(0);
    }

    /**
     * A service whose type the test cannot see (its API package is exported only by a source
     * plugin), called through an interface of the test's with the same method names and
     * parameters. Each call goes to the best service matching at that moment, so the proxy
     * follows a swap; when none is registered, a call waits up to the timeout for one. A call
     * during which the service goes away throws {@link ServiceGoneException}.
     *
     * @param objectClass the service's type name
     * @param filter an LDAP filter on its properties; empty for none
     * @param view the test's interface
     * @param timeout how long to wait now, and at each call, for a matching service
     * @param <T> the test's interface
     * @return the proxy
     * @throws AssertionError when no matching service arrives within the timeout
     */
    public <T> T serviceAs(Class<T> view, String objectClass, String filter, Duration timeout) {
        return serviceAs(view, objectClass, filter, timeout, true);
    }

    <T> T serviceAs(Class<T> view, String objectClass, String filter, Duration timeout, boolean waitNow) {
        ServiceQuery query = new ServiceQuery(objectClass, Optional.ofNullable(filter));
        if (waitNow) {
            query.await(context, 1, timeout, r -> true);
        }
        return ServiceProxies.following(context, query, view, timeout);
    }

    /**
     * Services whose type the test cannot see, each through an interface of the test's and bound
     * to that one service: once it is unregistered, calls throw {@link ServiceGoneException}.
     *
     * @param view the test's interface
     * @param objectClass the services' type name
     * @param filter an LDAP filter on their properties; empty for none
     * @param atLeast how many to wait for
     * @param timeout how long to wait
     * @param <T> the test's interface
     * @return a proxy per matching service, best first
     * @throws AssertionError when fewer arrive within the timeout
     */
    public <T> List<T> servicesAs(Class<T> view, String objectClass, String filter, int atLeast, Duration timeout) {
        List<ServiceReference<?>> refs = atLeast <= 0 ? new ServiceQuery(objectClass, Optional.ofNullable(filter)).find(context)
            : new ServiceQuery(objectClass, Optional.ofNullable(filter)).await(context, atLeast, timeout, r -> true);
        return refs.stream().map(r -> ServiceProxies.bound(context, r, view)).toList();
    }

    /**
     * Gives a plugin's component a configuration for the rest of the kit's scope, and waits until
     * the component has it: the values are laid over the configuration the plugin has for the PID
     * (from its {@code config/PID.cfg}), key by key, and bound to the plugin bundle's location.
     * At the end of the scope, or when the returned configuration is closed, the plugin's own
     * values come back (or the configuration is deleted when it had none).
     *
     * @param plugin the plugin, loaded
     * @param pid the configuration PID of one of its components (by default the component's name)
     * @param values the test's values
     * @param timeout how long to wait for the component
     * @return the configuration
     * @throws IllegalArgumentException when no component of the plugin takes the PID
     * @throws AssertionError when the component does not have the values within the timeout,
     *         saying what it has
     */
    public AppliedConfiguration configure(LoadedPlugin plugin, String pid, Map<String, ?> values, Duration timeout) {
        Bundle bundle = plugin.bundle().orElseThrow(() -> new IllegalStateException(plugin + " is not installed: load it before configuring it"));
        ComponentProbe probe = new ComponentProbe(context, scr(), bundle, pid);
        probe.noComponent().ifPresent(none -> {
            throw new IllegalArgumentException(none + "; its components: "
                + plugin.components().stream().map(c -> c.name()).toList());
        });
        ConfigurationChange change;
        try {
            change = ConfigurationChange.apply(configurationAdmin(), pid, bundle.getLocation(), values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot configure " + pid + " for plugin " + plugin.name(), e);
        }
        AppliedConfiguration applied = new AppliedConfiguration(this, plugin, change, timeout);
        configurations.push(applied);
        awaitComponentConfiguration(plugin, pid, values, timeout, values.toString());
        return applied;
    }

    /** Waits until a component of the plugin taking the PID is active or satisfied with the values. */
    void awaitComponentConfiguration(LoadedPlugin plugin, String pid, Map<String, ?> values, Duration timeout, String what) {
        Bundle bundle = plugin.bundle().orElseThrow(() -> new IllegalStateException(plugin + " is not installed"));
        ComponentProbe probe = new ComponentProbe(context, scr(), bundle, pid);
        EventWait.until(context, timeout, COMPONENT_RECHECK, () -> probe.has(values) ? Optional.of(true) : Optional.<Boolean>empty())
            .orElseThrow(() -> new AssertionError("the component of plugin " + plugin.name() + " with configuration " + pid + " did not get "
                + what + " within " + ServiceQuery.seconds(timeout) + "; now: " + probe.describe()));
    }

    /**
     * What a plugin logged through the OSGi Log Service while this kit was open (a
     * {@code Logger} from its {@code LoggerFactory}, and Declarative Services' messages about
     * its components): one line per entry, "LEVEL message[: exception]".
     *
     * @param plugin the plugin
     * @return the lines, in order
     */
    List<String> log(LoadedPlugin plugin) {
        return logs.of(plugin.bundleId());
    }

    PluginLogs logs() {
        return logs;
    }

    /** @return the test bundle's context the kit works with */
    public BundleContext context() {
        return context;
    }

    /** @return Graft's compiler service */
    public PluginCompiler compiler() {
        return compiler;
    }

    /** @return Graft's loader service */
    public PluginLoader loader() {
        return loader;
    }

    /** @return Graft's registry of plugins */
    public PluginRegistry registry() {
        return registry;
    }

    /**
     * Unloads every plugin this kit loaded that is still loaded, deletes the folders it wrote and
     * restores the cache configuration when {@link #cacheIn(Path)} changed it.
     */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        while (!configurations.isEmpty()) {
            AppliedConfiguration c = configurations.pop();
            try {
                if (loaded.contains(c.plugin().name())) {
                    c.releaseWithPlugin();
                } else {
                    c.close();
                }
            } catch (RuntimeException | AssertionError e) {
                failures.add(e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e));
            }
        }
        for (String name : loaded) {
            try {
                if (registry.plugin(name).map(r -> r.bundleId() >= 0 && r.state() != PluginState.FAILED && r.state() != PluginState.UNLOADED)
                    .orElse(false)) {
                    loader.unload(name, true);
                }
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        loaded.clear();
        temporary.forEach(PluginKit::deleteTree);
        temporary.clear();
        logs.close();
        if (admin != null) {
            admin.close();
            admin = null;
        }
        held.forEach(ServiceTracker::close);
        held.clear();
        if (cache != null) {
            try {
                cache.close();
            } catch (IOException e) {
                failures.add(new UncheckedIOException("cannot restore the plugin cache's configuration", e));
            }
            cache = null;
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    private ServiceComponentRuntime scr() {
        return scr;
    }

    /** Held open while the kit lives: a Configuration Admin of Felix's that was released cannot be used again. */
    private ConfigurationAdmin configurationAdmin() {
        if (admin == null) {
            admin = new ServiceTracker<>(context, ConfigurationAdmin.class, null);
            admin.open();
        }
        try {
            ConfigurationAdmin a = admin.waitForService(DEFAULT_TIMEOUT.toMillis());
            if (a == null) {
                throw new IllegalStateException("no Configuration Admin service within " + ServiceQuery.seconds(DEFAULT_TIMEOUT)
                    + ": is org.apache.felix.configadmin in -runbundles?");
            }
            return a;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Configuration Admin", e);
        }
    }

    private Path write(PluginSources sources) {
        try {
            Path site = Files.createTempDirectory("graft-kit-");
            temporary.add(site);
            return sources.writeTo(site);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plugin " + sources.name(), e);
        }
    }

    private SourcePlugin read(Path folder) {
        try {
            return compiler.read(folder);
        } catch (SourceException e) {
            throw new IllegalArgumentException(folder + ": " + e.diagnostic(), e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
