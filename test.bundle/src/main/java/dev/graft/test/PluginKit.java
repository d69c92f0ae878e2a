package dev.graft.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;

import dev.graft.compiler.Build;
import dev.graft.compiler.CheckResult;
import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.SourceException;
import dev.graft.compiler.SourcePlugin;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginState;
import dev.graft.host.SwapResult;
import dev.graft.test.internal.BaseDirectory;
import dev.graft.test.internal.CacheDirectory;
import dev.graft.test.internal.RegisteredServices;
import dev.graft.test.internal.ServiceLookup;

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
    private CacheDirectory cache;

    private PluginKit(BundleContext context) {
        this.context = context;
        this.base = BaseDirectory.of(context);
        this.compiler = ServiceLookup.await(context, PluginCompiler.class);
        this.loader = ServiceLookup.await(context, PluginLoader.class);
        this.registry = ServiceLookup.await(context, PluginRegistry.class);
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
        return compiler.compile(read(resolve(folder)));
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
