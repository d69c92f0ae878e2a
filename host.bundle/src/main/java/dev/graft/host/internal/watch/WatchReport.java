package dev.graft.host.internal.watch;

import java.util.List;

import dev.graft.host.PluginRecord;
import dev.graft.host.PluginState;
import dev.graft.host.SwapResult;
import dev.graft.host.UnloadResult;
import dev.graft.host.internal.build.PluginBuilder;
import dev.graft.host.internal.output.Console;
import dev.graft.host.internal.swap.Dependants;

/**
 * The one line the watcher prints per event, on standard output: what changed, what happened,
 * how long it took. The full problems of a failure follow on standard error, indented.
 */
final class WatchReport {

    private final Console console;

    WatchReport(Console console) {
        this.console = console;
    }

    void added(String name, PluginRecord r, long beginNanos) {
        long ms = PluginBuilder.millisSince(beginNanos);
        if (r.state() == PluginState.ACTIVE) {
            line(name + " added -> loaded as bundle " + r.bundleId() + " (" + (r.fromCache() ? "from cache" : "compiled") + ") in " + ms + " ms");
        } else {
            line(name + " added -> " + r.state().name().toLowerCase(java.util.Locale.ROOT) + ": " + first(r.problems()) + " (" + ms + " ms)");
            details(r.problems());
        }
    }

    void removed(String name, UnloadResult r, long beginNanos) {
        long ms = PluginBuilder.millisSince(beginNanos);
        if (r == null || !r.succeeded()) {
            line(name + " removed -> nothing was loaded in " + ms + " ms");
            return;
        }
        PluginRecord gone = r.unloaded().get(r.unloaded().size() - 1);
        List<PluginRecord> dependants = r.unloaded().subList(0, r.unloaded().size() - 1);
        line(name + " removed -> unloaded bundle " + gone.bundleId()
            + (dependants.isEmpty() ? "" : " and the plugins that depend on it: " + Dependants.describe(dependants)
                + " (they load again when " + name + " comes back)")
            + " in " + ms + " ms");
    }

    void reloaded(String name, String cameBack, PluginRecord r, long beginNanos) {
        long ms = PluginBuilder.millisSince(beginNanos);
        if (r.state() == PluginState.ACTIVE) {
            line(name + " is back with " + cameBack + " -> loaded as bundle " + r.bundleId() + " in " + ms + " ms");
        } else {
            line(name + " is back with " + cameBack + " -> " + r.state().name().toLowerCase(java.util.Locale.ROOT) + ": "
                + first(r.problems()) + " (" + ms + " ms)");
            details(r.problems());
        }
    }

    void changed(String name, List<String> files, SwapResult r, long beginNanos) {
        String what = name + " changed (" + describe(files) + ") -> ";
        if (r.succeeded()) {
            line(what + "swapped in bundle " + r.plugin().bundleId()
                + (r.dependants().isEmpty() ? "" : " with the plugins that depend on it: " + Dependants.describe(r.dependants()))
                + " in " + r.millis() + " ms" + (r.rewired().isEmpty() ? "" : "; re-wired " + String.join(", ", r.rewired())));
        } else {
            String keeps = r.plugin().state() == PluginState.ACTIVE ? ", bundle " + r.plugin().bundleId() + " keeps running" : "";
            line(what + "swap failed" + keeps + ": " + first(r.problems()) + " (" + r.millis() + " ms)");
            details(r.problems());
        }
    }

    /** A change of configuration files only: applied to the running bundle, or refused. */
    void reconfigured(String name, List<String> files, SwapResult r) {
        String what = name + " changed (" + describe(files) + ") -> ";
        if (r.succeeded()) {
            line(what + "reconfigured bundle " + r.plugin().bundleId() + " in " + r.millis() + " ms");
        } else {
            line(what + "configuration refused, bundle " + r.plugin().bundleId() + " keeps its configuration: " + first(r.problems())
                + " (" + r.millis() + " ms)");
            details(r.problems());
        }
    }

    void crashed(RuntimeException e) {
        console.err().println("graft: watch: " + e + "; still watching");
    }

    private void line(String text) {
        console.out().println("graft: watch: " + text);
        console.out().flush();
    }

    private void details(List<String> problems) {
        problems.forEach(p -> console.err().println(p.indent(2).stripTrailing()));
    }

    private static String describe(List<String> files) {
        if (files.isEmpty()) {
            return "no file";
        }
        return files.size() <= 3 ? String.join(", ", files) : files.size() + " files";
    }

    private static String first(List<String> problems) {
        if (problems.isEmpty()) {
            return "no reason given";
        }
        String p = problems.get(0);
        int nl = p.indexOf('\n');
        return nl < 0 ? p : p.substring(0, nl);
    }
}
