package dev.graft.host.internal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.osgi.framework.ServiceRegistration;

import dev.graft.host.GraftMain;
import dev.graft.host.LoadOptions;
import dev.graft.host.LoadPlan;
import dev.graft.host.PluginListener;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginState;
import dev.graft.host.internal.load.Loader;
import dev.graft.host.internal.output.Console;
import dev.graft.host.internal.watch.SiteWatcher;

/** {@code graft run}: load every plugin of the sites, print what loaded, keep running until Ctrl-C. */
final class RunCommand extends Command {

    /** Exit code when {@code --http} was given and nothing serves: the launcher's "the runtime could not start". */
    static final int EXIT_NO_WHITEBOARD = 3;
    /** How long {@code --http} waits for the Servlet Whiteboard to serve. */
    static final long HTTP_WAIT_MILLIS = 15_000;

    private final CommandServices host;
    private final CountDownLatch stopped;

    RunCommand(CommandServices host, CountDownLatch stopped) {
        super("run",
            "graft run [--site DIR]... [--cache DIR] [--cache-max-entries N] [--remote-cache URL [--remote-cache-read-only] [--remote-cache-ca FILE]] [--policy FILE] [--jar FILE]... [--http [HOST:]PORT] [--config DIR] [--once | --watch [--debounce MS] [--poll MS]] [--no-cache] [--verbose]",
            "load every plugin of the sites, print what loaded, and keep running until Ctrl-C",
            """
                Options:
                  --site DIR    a site: a folder whose subfolders are source plugins and whose .jar files are
                                bundles installed as they are; repeatable, searched in order (default:
                                $GRAFT_SITES, else the examples shipped with Graft)
                  --cache DIR   the compile cache (default: $XDG_CACHE_HOME/graft, else ~/.cache/graft)
                  --cache-max-entries N
                                keep at most N entries in the cache, least recently used evicted first
                                (default 100, or the cache's configuration); a site of more plugins than
                                this cannot start from the cache alone
                  --remote-cache URL
                                also use the HTTP cache server at URL (Bazel's remote cache layout: nginx
                                with WebDAV PUT, bazel-remote): a plugin missing here is fetched from it,
                                checked like a local entry, and a plugin compiled here is uploaded;
                                credentials come from $GRAFT_REMOTE_CACHE_TOKEN (bearer) or
                                $GRAFT_REMOTE_CACHE_BASIC (user:password), never from the URL
                  --remote-cache-read-only
                                read the remote cache, never upload
                  --remote-cache-ca FILE
                                for an https:// remote cache, trust the PEM certificates of FILE (a
                                private CA) besides the JDK's trust store; host names are still verified
                  --policy FILE the import policy: packages plugins may not import, one rule a line
                                ('deny PATTERN' or 'allow PATTERN'), ahead of the default denies (Graft's,
                                Felix's, ECJ's and bndlib's internals, sun.*, jdk.internal.*); a site's
                                import-policy.txt applies too, and a package either denies is denied
                  --jar FILE    also load a bundle made by 'graft compile' on a host with the same fingerprint;
                                it is installed before the plugins that use its packages, and wins over
                                a site's plugin of the same name
                  --http [HOST:]PORT
                                serve HTTP: start the OSGi Servlet Whiteboard (Felix HTTP Jetty, Jakarta
                                Servlet 5) on PORT (0: any free port) of 127.0.0.1, or of HOST; a plugin's
                                jakarta.servlet.Servlet service with osgi.http.whiteboard.servlet.pattern
                                answers there, and a swap keeps answering. Without it no web bundle is
                                installed (a servlet plugin still loads; nothing serves it)
                  --once        stop after loading; exit 1 when any plugin failed, a plugin was refused (a
                                folder that cannot be read, an export another plugin owns, a cycle), or
                                a site is missing or is not a folder
                  --watch       keep watching the sites: a new plugin folder loads, a removed one unloads,
                                a changed one is swapped for its new version (the old one keeps running
                                when the new one fails); one line per event
                  --debounce MS act on a folder once it has been quiet this long (default 200)
                  --poll MS     look at the sites every MS ms instead of using file-system events
                                (used anyway where those are not available, every 500 ms)
                  --config DIR  a deployment's configuration files: DIR/NAME/PID.cfg (or .json) is laid
                                over plugin NAME's own config/PID.cfg key by key (see README);
                                'graft config NAME --config DIR' shows the values and where each comes from
                  --no-cache    compile every plugin, neither reading nor writing the cache
                  --verbose     also print the stack of each thread stuck in a plugin's start

                A plugin is loaded once its components are settled: active, or waiting for something the load
                will not bring (a configuration, or a service no bundle and no plugin provides), which is
                printed below the table. A start or activation that takes longer than the start deadline
                (5 s) is stuck: the plugin fails and loading goes on. For --once a stuck plugin is a failed
                one; a component waiting for a configuration or a service is not.""");
        this.host = host;
        this.stopped = stopped;
    }

    @Override
    int run(List<String> args, Console console) throws UsageException {
        Arguments a = Arguments.parse(args, Set.of("--site", "--cache", CommandServices.CACHE_MAX_ENTRIES, CommandServices.REMOTE_CACHE, CommandServices.REMOTE_CACHE_CA,
            PolicySettings.OPTION, "--jar", "--debounce", "--poll", HttpWhiteboard.OPTION, "--config"),
            Set.of("--once", "--no-cache", "--watch", "--verbose", CommandServices.REMOTE_CACHE_READ_ONLY));
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + a.positional().get(0));
        }
        if (a.has("--once") && a.has("--watch")) {
            throw new UsageException("--once and --watch exclude each other");
        }
        if (!a.has("--watch") && (!a.all("--debounce").isEmpty() || !a.all("--poll").isEmpty())) {
            throw new UsageException("--debounce and --poll go with --watch");
        }
        long debounce = millis(a, "--debounce", SiteWatcher.DEFAULT_DEBOUNCE_MILLIS);
        long poll = millis(a, "--poll", -1);
        if (!serveHttp(a, console)) {
            return EXIT_NO_WHITEBOARD;
        }
        SiteWatcher watcher = a.has("--watch") ? watcher(a, debounce, poll, console) : null;
        Loaded loaded;
        try {
            loaded = load(a, console);
        } catch (UsageException e) {
            if (watcher != null) {
                watcher.close();
            }
            throw e;
        }
        if (loaded == null) {
            if (watcher != null) {
                watcher.close();
            }
            return GraftMain.EXIT_FAILED;
        }
        if (a.has("--once")) {
            return loaded.allWell() ? GraftMain.EXIT_OK : GraftMain.EXIT_FAILED;
        }
        if (watcher != null) {
            watcher.start();
        }
        console.err().println("graft: running; press Ctrl-C to stop");
        try {
            stopped.await();
            if (watcher != null) {
                watcher.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return GraftMain.EXIT_OK;
    }

    /**
     * With {@code --http}: checks the value, waits for the whiteboard the launcher started and
     * prints where it serves.
     *
     * @return false when no whiteboard serves (reported)
     * @throws UsageException when the value is not {@code [HOST:]PORT}
     */
    boolean serveHttp(Arguments a, Console console) throws UsageException {
        String value = a.one(HttpWhiteboard.OPTION, null);
        if (value == null) {
            return true;
        }
        HttpWhiteboard.check(value);
        List<String> urls = HttpWhiteboard.await(host.context(), HTTP_WAIT_MILLIS);
        if (urls.isEmpty()) {
            console.err().println("graft: " + HttpWhiteboard.OPTION + " " + value + ": the Servlet Whiteboard did not start serving within "
                + HTTP_WAIT_MILLIS / 1000 + " s (is the address in use? see the log above)");
            return false;
        }
        console.err().println("graft: serving HTTP at " + String.join(", ", urls) + " (Servlet Whiteboard)");
        return true;
    }

    /** Opens the watch before loading, so that an edit made while the sites load is not missed. */
    private SiteWatcher watcher(Arguments a, long debounce, long poll, Console console) {
        List<Path> sites = host.sites(a.all("--site"));
        SiteWatcher watcher = SiteWatcher.open(host.loader(), sites, debounce, poll, console, "graft: ");
        console.err().println("graft: watching " + sites + " (" + watcher.describe() + ", debounce " + debounce + " ms)");
        return watcher;
    }

    private static long millis(Arguments a, String option, long fallback) throws UsageException {
        String value = a.one(option, null);
        if (value == null) {
            return fallback;
        }
        try {
            long ms = Long.parseLong(value);
            if (ms < 0 || (option.equals("--poll") && ms == 0)) {
                throw new NumberFormatException();
            }
            return ms;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a number of milliseconds" + (option.equals("--poll") ? " above 0" : "") + ", not " + value);
        }
    }

    /**
     * What a load did.
     *
     * @param records a record per plugin that was tried
     * @param problems how many problems the sites had: a site missing or not a folder, a plugin refused
     *        (a folder that cannot be read, an export another plugin owns), a cycle or a missing
     *        provider; a shadowed copy is reported but not counted, the copy that shadows it loads
     */
    record Loaded(List<PluginRecord> records, int problems) {

        long failed() {
            return records.stream().filter(r -> r.state() != PluginState.ACTIVE).count();
        }

        boolean allWell() {
            return problems == 0 && failed() == 0;
        }
    }

    /**
     * Loads the sites and jars the arguments name, printing progress and the table of what loaded.
     *
     * @return what loaded, or null when the cache could not be set up
     * @throws UsageException when {@code --cache-max-entries} is not a positive number
     */
    Loaded load(Arguments a, Console console) throws UsageException {
        List<Path> sites = host.sites(a.all("--site"));
        try {
            host.useCache(a);
            host.usePolicy(a);
        } catch (IOException e) {
            console.err().println("graft: " + e.getMessage());
            return null;
        }
        List<Path> jars = a.all("--jar").stream().map(Path::of).toList();
        LoadPlan plan = host.loader().plan(sites, jars);
        plan.problems().forEach(p -> console.err().println("graft: " + p));
        console.err().println("graft: loading " + plan.plugins().size() + " plugins from " + sites);
        List<PluginRecord> records;
        ServiceRegistration<PluginListener> progress = host.context().registerService(PluginListener.class, new Progress(console), null);
        try {
            records = host.loader().loadAll(plan, new LoadOptions(sites, jars, !a.has("--no-cache"),
                a.one("--config", "").isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Path.of(a.one("--config", "")))));
        } finally {
            progress.unregister();
        }
        // as the framework has them now: a plugin may have lost its wiring since it was recorded
        records = records.stream().map(r -> Loader.installed(r) ? host.registry().plugin(r.name()).orElse(r) : r).toList();
        PluginTable.print(records, console.out(), a.has("--verbose"));
        int shadowed = plan.plugins().stream().mapToInt(p -> p.shadowed().size()).sum();
        Loaded loaded = new Loaded(records, plan.problems().size() - shadowed);
        console.err().println("graft: " + (records.size() - loaded.failed()) + " loaded, " + loaded.failed() + " failed"
            + (loaded.problems() > 0 ? ", " + loaded.problems() + (loaded.problems() == 1 ? " problem" : " problems") + " with the sites (see above)" : ""));
        return loaded;
    }

    /** One progress line per plugin, as it loads. */
    private record Progress(Console console) implements PluginListener {

        @Override
        public void loaded(PluginRecord p) {
            console.err().printf("graft: loaded %s (%s, %d ms)%n", p.name(), p.fromCache() ? "from cache" : p.origin().endsWith(".jar") ? "prebuilt" : "compiled",
                p.buildMillis() + p.startMillis());
        }

        @Override
        public void failed(PluginRecord p) {
            console.err().printf("graft: %s %s%n", p.name(), p.state() == PluginState.SKIPPED ? "skipped" : "failed");
        }
    }
}
