package dev.graft.host.internal.watch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The debounce of the watcher: plugin folders that changed since they were last acted on, each
 * with the moment its content last changed. A folder is due once it has stayed the same for the
 * debounce interval, so several files saved together, or one file written in several steps, make
 * one event.
 */
final class QuietFolders {

    private record Pending(FolderSnapshot content, long sinceNanos) {
    }

    private final long debounceNanos;
    private final Map<Path, Pending> pending = new LinkedHashMap<>();

    QuietFolders(long debounceMillis) {
        this.debounceNanos = debounceMillis * 1_000_000L;
    }

    /**
     * Notes what a folder holds now.
     *
     * @param folder the plugin folder
     * @param acted what it held when it was last acted on (null: nothing, it is new)
     * @param now what it holds now (null: it is gone)
     * @param nowNanos the current {@link System#nanoTime()}
     */
    void observe(Path folder, FolderSnapshot acted, FolderSnapshot now, long nowNanos) {
        if (Objects.equals(acted, now)) {
            pending.remove(folder);
            return;
        }
        Pending p = pending.get(folder);
        if (p == null || !Objects.equals(p.content(), now)) {
            pending.put(folder, new Pending(now, nowNanos));
        }
    }

    /** @return the folders whose content has not changed for the debounce interval, in the order they were first seen */
    List<Path> due(long nowNanos) {
        List<Path> due = new ArrayList<>();
        pending.forEach((folder, p) -> {
            if (nowNanos - p.sinceNanos() >= debounceNanos) {
                due.add(folder);
            }
        });
        return due;
    }

    /** Forgets a folder once it was acted on. */
    void acted(Path folder) {
        pending.remove(folder);
    }

    /** @return milliseconds until the next folder may be due, or -1 when none is pending */
    long millisUntilNextDue(long nowNanos) {
        long next = Long.MAX_VALUE;
        for (Pending p : pending.values()) {
            next = Math.min(next, p.sinceNanos() + debounceNanos - nowNanos);
        }
        return next == Long.MAX_VALUE ? -1 : Math.max(1, (next + 999_999) / 1_000_000);
    }
}
