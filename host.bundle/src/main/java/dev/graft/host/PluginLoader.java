package dev.graft.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Loads source plugins: finds them in sites, builds each (from the cache or the compiler),
 * installs it under a location never used before, starts it and waits for its components.
 * A plugin that fails is uninstalled and reported; the others go on loading.
 */
@ProviderType
public interface PluginLoader {

    /**
     * Finds the plugins of the sites and orders them by their dependencies, without loading.
     *
     * @param sites the sites in order
     * @return the plan
     */
    LoadPlan plan(List<Path> sites);

    /**
     * Finds the plugins of the sites, and takes prebuilt bundle jars as providers: the plan orders
     * each source plugin after the plugins and bundles whose packages it uses, so a jar is
     * installed (and resolved) before the plugins compiled against it. Bundles already installed in
     * the framework and not yet resolved are resolved first, so that their exports count.
     *
     * @param sites the sites in order; their {@code .jar} files that are bundles take part too
     * @param jars bundle jars made by {@code graft compile}, which win over a site's plugin of the same name
     * @return the plan
     * @since 0.5
     */
    LoadPlan plan(List<Path> sites, List<Path> jars);

    /**
     * Loads every plugin of the sites, in dependency order, and the given precompiled jars.
     *
     * @param options what to load and how
     * @return one record per plugin, in load order
     */
    List<PluginRecord> loadAll(LoadOptions options);

    /**
     * Loads the plugins of a plan made by {@link #plan} for {@code options.sites()} (and
     * {@code options.jars()}), so that a caller that looked at the plan first does not scan the
     * sites again. A jar of the options that the plan does not hold is loaded after the plan.
     *
     * @param plan the plan of the sites
     * @param options what else to load and how; its sites are not scanned again
     * @return one record per plugin, in load order
     */
    List<PluginRecord> loadAll(LoadPlan plan, LoadOptions options);

    /**
     * Loads one plugin folder. When a plugin of that name is loaded and the folder builds, the
     * loaded one is unloaded first; when the folder does not build, the loaded one keeps running
     * and stays the registry's record of that name (the returned record says why the folder failed).
     *
     * @param folder the plugin folder
     * @param useCache whether to use the cache
     * @return the record
     */
    PluginRecord load(Path folder, boolean useCache);

    /**
     * Loads one plugin folder that must provide a service of the given type, the way the host
     * expects it: after the compile and before the install, the bundle must declare a component
     * providing {@code type} ({@code Provide-Capability: osgi.service}); once started, its service
     * must be an instance of the very class the caller sees. Otherwise nothing stays installed and
     * the record says what the plugin provides instead.
     *
     * @param <T> the service type
     * @param folder the plugin folder
     * @param type the service type every caller of the plugin will use
     * @return the record and, when it loaded, the plugin's service
     */
    <T> PluginService<T> load(Path folder, Class<T> type);

    /**
     * Loads a jar made by {@code graft compile}; only when its provenance shows this host's fingerprint.
     *
     * @param jar the bundle jar
     * @return the record
     */
    PluginRecord loadJar(Path jar);

    /**
     * Uninstalls a plugin's bundle, as {@link #unload(String, boolean)} does without its
     * dependants: a plugin that other loaded plugins are wired to stays loaded.
     *
     * @param name the plugin's name
     * @return the record after unloading, or empty when no such plugin is loaded or when loaded
     *         plugins depend on it (see {@link #unload(String, boolean)} for why)
     */
    Optional<PluginRecord> unload(String name);

    /**
     * Uninstalls a plugin's bundle. When other loaded plugins are wired to it (directly or through
     * each other), it is refused with their names, unless {@code withDependants} is set: then they
     * are unloaded too, each before the plugins it depends on, and the framework is refreshed once.
     *
     * @param name the plugin's name
     * @param withDependants whether to unload the plugins that depend on it too
     * @return what was unloaded, or why nothing was
     */
    UnloadResult unload(String name, boolean withDependants);

    /**
     * Loads a plugin again from the folder it came from: a new bundle under a new location, so
     * its start-up effects run again.
     *
     * @param name the plugin's name
     * @return the new record, or empty when no such plugin was loaded from a folder
     */
    Optional<PluginRecord> reload(String name);

    /**
     * Swaps a loaded plugin for a new version, without a gap: the new version is built, installed
     * beside the old one under a new location and started; only when its components are active is
     * the old bundle uninstalled and refreshed (bundles wired to it are re-wired). Any failure
     * uninstalls the new bundle and leaves the old version untouched. The cache is used as it was
     * when the plugin was loaded.
     *
     * <p>The loaded plugins that depend on it (wired to it, directly or through each other) are
     * swapped with it in one transaction: each is rebuilt from its folder against the new version
     * (a prebuilt jar is installed again as it is), the whole set is installed beside the old set,
     * wired to each other, started and waited for; only then is the old set retired. When any
     * member fails, nothing of the new set stays and the old set keeps running; the problems name
     * the member, its diagnostics and how the plugin's exports changed.
     *
     * @param name the plugin's name
     * @param folder the folder of the new version, or null for the folder the plugin came from
     * @return what happened
     */
    SwapResult swap(String name, Path folder);

    /**
     * Swaps a loaded plugin for a new version as {@link #swap(String, Path)} does, building the
     * new version with or without the cache.
     *
     * @param name the plugin's name
     * @param folder the folder of the new version, or null for the folder the plugin came from
     * @param useCache whether to look the build up in the cache and store it there
     * @return what happened
     */
    SwapResult swap(String name, Path folder, boolean useCache);

    /**
     * Applies a loaded plugin's configuration files again: its {@code config/} folder, with the
     * deployment's folder it was loaded with laid over it, checked against its bundle's metatype,
     * handed to Configuration Admin for the running bundle. No build, no new bundle: its
     * components are modified or reactivated as Declarative Services decides. When a file has an
     * error, or its sources changed since it was built, nothing is applied and the plugin keeps
     * its configuration. A plugin that is not running is loaded, as {@link #swap(String, Path)} does.
     *
     * @param name the plugin's name
     * @return the plugin's record (the same bundle) and the problems, if any
     * @throws IllegalArgumentException when no folder is known for the plugin
     */
    SwapResult reconfigure(String name);

    /**
     * What {@link #swap(String, Path)} would do, without building or installing anything: the
     * loaded plugins that would be swapped with the plugin, and how each would be built.
     *
     * @param name the plugin's name
     * @param folder the folder of the new version, or null for the folder the plugin came from
     * @return the plan
     */
    SwapPlan planSwap(String name, Path folder);

    /**
     * The retired plugin bundles (unloaded or swapped out) whose class loaders are still reachable
     * after a garbage collection: a plugin that pins its old version shows here.
     *
     * @return the pinned revisions, oldest first
     */
    List<RetiredRevision> pinnedRevisions();
}
