package dev.graft.host.internal;

import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.graft.host.FoundPlugin;
import dev.graft.host.PluginLoader;

/**
 * {@code graft run --watch}: follows the plugin folders of the sites and, once a folder has been
 * quiet for the debounce interval, loads a new folder, unloads a removed one and swaps a changed
 * one. It keeps watching after a failure; each event prints one line.
 */
final class SiteWatcher implements AutoCloseable {

    private final PluginLoader loader;
    private final List<Path> sites;
    private final ChangeSignal signal;
    private final QuietFolders quiet;
    private final WatchReport report;
    private final Map<Path, FolderSnapshot> acted = new HashMap<>();
    private final Map<Path, String> names = new HashMap<>();
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

    /** Starts acting on changes, on a thread of its own. */
    void start() {
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
            report.removed(known, known == null ? java.util.Optional.empty() : loader.unload(known), begin);
        } else if (before == null) {
            acted.put(folder, after);
            names.put(folder, name);
            report.added(name, loader.load(folder, true), begin);
        } else {
            acted.put(folder, after);
            report.changed(name, changed, loader.swap(name, folder), begin);
        }
        quiet.acted(folder);
    }

    /** The winning plugin folders of the sites, in load order, with their names. */
    private Map<Path, String> plugins() {
        Map<Path, String> found = new LinkedHashMap<>();
        for (FoundPlugin p : loader.plan(sites).plugins()) {
            found.put(p.folder(), p.name());
        }
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
