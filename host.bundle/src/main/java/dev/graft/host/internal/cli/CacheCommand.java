package dev.graft.host.internal.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.graft.cache.CacheEntry;
import dev.graft.cache.CacheException;
import dev.graft.cache.CacheStats;
import dev.graft.cache.MissReason;
import dev.graft.cache.PluginCache;
import dev.graft.cache.PruneReport;
import dev.graft.cache.RemoteStats;
import dev.graft.cache.VerifyReport;
import dev.graft.host.GraftMain;
import dev.graft.host.internal.output.Console;

/** {@code graft cache}: look into and look after the compile cache. */
final class CacheCommand extends Command {

    private final CommandServices host;

    CacheCommand(CommandServices host) {
        super("cache",
            "graft cache stats|ls|verify|prune|clean [--cache DIR] [--cache-max-entries N] [--remote-cache URL [--remote-cache-read-only] [--remote-cache-ca FILE]]",
            "show, check, trim or empty the compile cache",
            """
                stats    entries (and their limit), bytes, and this process's hits, misses, evictions and quarantined entries;
                         then each remote cache used with this cache by any process (graft run --remote-cache URL)
                         since the last clean: hits, misses, rejected answers, errors, skipped requests, uploads,
                         refused uploads and bytes, summed over the processes
                ls       every entry, most recently used first: plugin, key, size, last used
                verify   re-check every entry's checksum and key; bad entries are quarantined (exit 1 if any)
                prune    evict least-recently-used entries beyond the limits and sweep temporary files
                clean    remove every entry, and set the remote caches' counters back to zero
    
                Options:
                  --cache DIR   the cache (default: $XDG_CACHE_HOME/graft, else ~/.cache/graft)
                  --cache-max-entries N
                                the most entries to keep (default 100, or the cache's configuration);
                                prune evicts the least recently used beyond it
                  --remote-cache URL, --remote-cache-read-only, --remote-cache-ca FILE
                                as for 'graft run' (the same options may be given to both); stats names
                                the remote cache this process would use and lists its counters first""");
        this.host = host;
    }

    @Override
    int run(List<String> args, Console console) throws UsageException {
        Arguments a = Arguments.parse(args, Set.of("--cache", CommandServices.CACHE_MAX_ENTRIES, CommandServices.REMOTE_CACHE,
            CommandServices.REMOTE_CACHE_CA), Set.of(CommandServices.REMOTE_CACHE_READ_ONLY));
        if (a.positional().size() != 1) {
            throw new UsageException("say which: stats, ls, verify, prune or clean");
        }
        try {
            host.useCache(a);
            return run(a.positional().get(0), host.cache(), console);
        } catch (IOException | CacheException e) {
            console.err().println("graft cache: " + e.getMessage());
            return GraftMain.EXIT_FAILED;
        }
    }

    static int run(String action, PluginCache cache, Console console) throws UsageException {
        switch (action) {
            case "stats" -> stats(cache, console);
            case "ls" -> list(cache, console);
            case "verify" -> {
                VerifyReport r = cache.verify();
                console.out().println("checked " + r.checked() + " entries, " + r.bad().size() + " bad, " + r.quarantined() + " quarantined");
                r.bad().forEach(b -> console.out().println("  bad: " + b));
                return r.clean() ? GraftMain.EXIT_OK : GraftMain.EXIT_FAILED;
            }
            case "prune" -> {
                PruneReport r = cache.prune();
                console.out().println("evicted " + r.evicted() + " entries, swept " + r.sweptFiles() + " temporary files; "
                    + r.entries() + " entries, " + r.bytes() + " bytes remain");
            }
            case "clean" -> {
                cache.clean();
                console.out().println("removed every entry and the remote caches' counters from " + cache.directory());
            }
            default -> throw new UsageException("unknown cache action " + action + "; say stats, ls, verify, prune or clean");
        }
        return GraftMain.EXIT_OK;
    }

    private static void stats(PluginCache cache, Console console) {
        CacheStats s = cache.stats();
        console.out().println("directory    " + cache.directory() + (cache.readOnly() ? " (read-only)" : ""));
        console.out().println("entries      " + s.entries() + " (at most " + cache.maxEntries() + ")");
        console.out().println("bytes        " + s.bytes());
        console.out().println("hits         " + s.hits());
        for (MissReason reason : MissReason.values()) {
            console.out().printf("misses       %-13s %d%n", reason.name().toLowerCase(Locale.ROOT), s.misses(reason));
        }
        console.out().println("evictions    " + s.evictions());
        console.out().println("quarantined  " + s.quarantined());
        RemoteStats configured = cache.remoteStats();
        List<RemoteStats> recorded = new ArrayList<>(cache.recordedRemoteStats());
        if (configured.enabled()) {
            console.out().println("remote cache " + configured.url() + (configured.readOnly() ? " (read-only)" : "") + " (this process)");
            if (recorded.stream().noneMatch(r -> r.url().equals(configured.url()))) {
                recorded.add(0, new RemoteStats(configured.url(), configured.readOnly(), 0, 0, 0, 0, 0, 0, 0, 0, 0));
            }
            recorded.sort(Comparator.comparing((RemoteStats r) -> !r.url().equals(configured.url())));
        }
        if (!recorded.isEmpty()) {
            console.out().println("remote caches used with this cache, every process since the last 'graft cache clean':");
        }
        for (RemoteStats r : recorded) {
            console.out().println("remote       " + r.url() + (r.readOnly() ? " (only read)" : ""));
            console.out().println("remote hits  " + r.hits());
            console.out().println("remote misses " + r.misses());
            console.out().println("remote rejected " + r.rejected() + " (failed a check, never installed)");
            console.out().println("remote errors " + r.errors() + ", skipped " + r.skipped() + " (left alone after an error)");
            console.out().println("uploads      " + r.uploads() + ", refused " + r.uploadsRefused());
            console.out().println("remote bytes " + r.bytesDownloaded() + " down, " + r.bytesUploaded() + " up");
        }
    }

    private static void list(PluginCache cache, Console console) {
        console.out().printf("%-24s %-12s %9s  %s%n", "PLUGIN", "KEY", "BYTES", "LAST USED");
        for (CacheEntry e : cache.list()) {
            console.out().printf("%-24s %-12s %9d  %s%n", e.name(), e.key().substring(0, 12), e.size(), e.lastUsed());
        }
    }
}
