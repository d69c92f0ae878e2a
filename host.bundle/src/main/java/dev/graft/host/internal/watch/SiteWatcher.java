package dev.graft.host.internal.watch;

import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.graft.host.internal.plan.BundleJar;
import dev.graft.compiler.PluginConfigurations;
import dev.graft.host.FoundPlugin;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginState;
import dev.graft.host.UnloadResult;
import dev.graft.host.internal.output.Console;

/**
 * {@code graft run --watch}: follows the plugin folders (and bundle jars) of the sites and, once one has been
 * quiet for the debounce interval, loads a new folder, unloads a removed one (with the plugins that
 * depend on it, which load again when it comes back) and swaps a changed one. It keeps watching
 * after a failure; each event prints one line.
 */
public final class SiteWatcher implements AutoCloseable {

    /** How long a folder must stay the same before it is acted on, unless told otherwise. */
    public static final long DEFAULT_DEBOUNCE_MILLIS = 200;
    /** How often folders are compared when polling, unless told otherwise. */
    public static final long DEFAULT_POLL_MILLIS = 500;

    private final PluginLoader loader;
    private final List<Path> sites;
    private final ChangeSignal signal;
    private final QuietFolders quiet;
    private final WatchReport report;
    private final Map<Path, FolderSnapshot> acted = new HashMap<>();
    private final Map<Path, String> names = new HashMap<>();
    /** Folders of plugins unloaded because a plugin they depend on was removed, in load order: loaded again when it comes back. */
    private final Set<Path> waiting = new LinkedHashSet<>();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Takes what the sites hold now as what is loaded; call this before loading them, so that an
     * edit made while they load is acted on once {@link #start} is called.
     *
     * @param loader the loader to act with
     * @param sites the sites
     * @param debounceMillis how long a folder must stay the same before it is acted on
     * @param signal what wakes the watcher
     * @param report where each event is printed
     */
    SiteWatcher(PluginLoader loader, List<Path> sites, long debounceMillis, ChangeSignal signal, WatchReport report) {
        this.loader = loader;
        this.sites = List.copyOf(sites);
        this.signal = signal;
        this.quiet = new QuietFolders(debounceMillis);
        this.report = report;
        for (Map.Entry<Path, String> plugin : plugins().entrySet()) {
            acted.put(plugin.getKey(), FolderSnapshot.of(plugin.getKey()));
            names.put(plugin.getKey(), plugin.getValue());
        }
        thread = new Thread(this::watch, "graft-watch");
        thread.setDaemon(true);
        thread.setContextClassLoader(SiteWatcher.class.getClassLoader());
    }

    /**
     * Opens the watch of the sites, before they are loaded.
     *
     * @param loader the loader to act with
     * @param sites the sites
     * @param debounceMillis how long a folder must stay the same before it is acted on
     * @param pollMillis compare folders this often instead of waiting for file events; 0 for file events
     * @param console where each event and each warning is printed
     * @param warningPrefix put before each warning
     * @return the watcher, not started
     */
    public static SiteWatcher open(PluginLoader loader, List<Path> sites, long debounceMillis, long pollMillis, Console console,
        String warningPrefix) {
        ChangeSignal signal = ChangeSignal.open(sites, pollMillis > 0 ? pollMillis : DEFAULT_POLL_MILLIS, pollMillis > 0,
            warning -> console.err().println(warningPrefix + warning));
        return new SiteWatcher(loader, sites, debounceMillis, signal, new WatchReport(console));
    }

    /** @return how the watcher learns of changes, for example {@code file events} */
    public String describe() {
        return signal.describe();
    }

    /** Starts acting on changes, on a thread of its own. */
    public void start() {
        thread.start();
    }

    private void watch() {
        while (running) {
            try {
                signal.await(quiet.millisUntilNextDue(System.nanoTime()));
                look();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    report.crashed(e);
                }
            }
        }
    }

    /** Compares every folder with what was last acted on, then acts on the ones that are due, in load order. */
    private void look() {
        Map<Path, String> now = plugins();
        long nanos = System.nanoTime();
        for (Map.Entry<Path, String> p : now.entrySet()) {
            names.putIfAbsent(p.getKey(), p.getValue());
            quiet.observe(p.getKey(), acted.get(p.getKey()), FolderSnapshot.of(p.getKey()), nanos);
        }
        for (Path gone : List.copyOf(acted.keySet())) {
            if (!now.containsKey(gone)) {
                quiet.observe(gone, acted.get(gone), null, nanos);
            }
        }
        List<Path> due = quiet.due(nanos);
        for (Path folder : now.keySet()) {
            if (due.contains(folder)) {
                act(folder, now.get(folder));
            }
        }
        for (Path folder : due) {
            if (!now.containsKey(folder)) {
                act(folder, null);
            }
        }
    }

    private void act(Path folder, String name) {
        FolderSnapshot before = acted.get(folder);
        FolderSnapshot after = name == null ? null : FolderSnapshot.of(folder);
        List<String> changed = FolderSnapshot.changes(before, after);
        long begin = System.nanoTime();
        if (after == null) {
            String known = names.remove(folder);
            acted.remove(folder);
            waiting.remove(folder);
            UnloadResult unloaded = known == null ? null : loader.unload(known, true);
            report.removed(known, unloaded, begin);
            if (unloaded != null) {
                // unloaded dependants first: their load order is the other way round
                for (int i = unloaded.unloaded().size() - 2; i >= 0; i--) {
                    folderNamed(unloaded.unloaded().get(i).name()).ifPresent(waiting::add);
                }
            }
        } else if (before == null) {
            acted.put(folder, after);
            names.put(folder, name);
            PluginRecord loaded = loader.load(folder, true);
            report.added(name, loaded, begin);
            if (loaded.state() == PluginState.ACTIVE) {
                loadWaiting(name);
            }
        } else if (!changed.isEmpty() && changed.stream().allMatch(f -> f.startsWith(PluginConfigurations.FOLDER))
            && names.containsKey(folder)) {
            // configuration only: Configuration Admin, no build and no new bundle
            acted.put(folder, after);
            report.reconfigured(name, changed, loader.reconfigure(name));
        } else {
            acted.put(folder, after);
            report.changed(name, changed, loader.swap(name, folder), begin);
        }
        quiet.acted(folder);
    }

    /** Loads again the dependants that left with a removed plugin, now that a plugin came back; those that load stop waiting. */
    private void loadWaiting(String cameBack) {
        for (Path folder : List.copyOf(waiting)) {
            String name = names.get(folder);
            if (name == null || !(java.nio.file.Files.isDirectory(folder) || BundleJar.isJar(folder))) {
                waiting.remove(folder);
                continue;
            }
            long begin = System.nanoTime();
            PluginRecord r = loader.load(folder, true);
            report.reloaded(name, cameBack, r, begin);
            if (r.state() == PluginState.ACTIVE) {
                waiting.remove(folder);
                acted.put(folder, FolderSnapshot.of(folder));
            }
        }
    }

    private java.util.Optional<Path> folderNamed(String name) {
        return names.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).findFirst();
    }

    /** The winning plugin folders of the sites, in load order, with their names. */
    private Map<Path, String> plugins() {
        Map<Path, String> found = new LinkedHashMap<>();
        for (FoundPlugin p : loader.plan(sites).plugins()) {
            found.put(p.folder(), p.name());
        }
        // a bundle jar being rewritten in place cannot be read until it is whole: it is changing, not gone
        names.forEach((path, name) -> {
            if (!found.containsKey(path) && !found.containsValue(name) && BundleJar.isJar(path)) {
                found.put(path, name);
            }
        });
        return found;
    }

    @Override
    public void close() {
        running = false;
        signal.close();
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
