package dev.graft.host.internal.cli;

import java.util.List;
import java.util.Set;

import dev.graft.host.FoundPlugin;
import dev.graft.host.GraftMain;
import dev.graft.host.LoadPlan;
import dev.graft.host.internal.output.Console;

/** {@code graft list}: the plugins of the sites in load order, without loading them. */
final class ListCommand extends Command {

    private final CommandServices host;

    ListCommand(CommandServices host) {
        super("list",
            "graft list [--site DIR]... [--jar FILE]... [--graph]",
            "list the plugins of the sites in load order, with dependencies, cache state and shadowed copies",
            """
                Options:
                  --site DIR    a site; repeatable (default: $GRAFT_SITES, else the shipped examples)
                  --jar FILE    a prebuilt bundle, as 'graft run --jar' takes it
                  --cache DIR   the compile cache whose state is shown
                  --graph       print the plugins and their dependencies as a Graphviz DOT graph
                                instead (blocked plugins and cycles in red): graft list --graph | dot -Tsvg""");
        this.host = host;
    }

    @Override
    int run(List<String> args, Console console) throws UsageException {
        Arguments a = Arguments.parse(args, Set.of("--site", "--cache", "--jar"), Set.of("--graph"));
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + a.positional().get(0));
        }
        try {
            host.useCache(a);
        } catch (java.io.IOException e) {
            console.err().println("graft list: " + e.getMessage());
            return GraftMain.EXIT_FAILED;
        }
        LoadPlan plan = host.loader().plan(host.sites(a.all("--site")), a.all("--jar").stream().map(java.nio.file.Path::of).toList());
        if (a.has("--graph")) {
            new PluginGraph(plan).write(console.out());
        } else {
            table(plan, console);
        }
        plan.problems().forEach(p -> console.err().println("graft: " + p));
        return plan.blocked().isEmpty() ? GraftMain.EXIT_OK : GraftMain.EXIT_FAILED;
    }

    private void table(LoadPlan plan, Console console) {
        console.out().printf("%-3s %-24s %-12s %-30s %s%n", "#", "PLUGIN", "CACHE", "DEPENDS ON", "FOLDER");
        int i = 1;
        for (FoundPlugin p : plan.plugins()) {
            console.out().printf("%-3d %-24s %-12s %-30s %s%n", i++, p.name(), p.prebuilt() ? "prebuilt" : CacheState.of(host, p.folder(), !p.dependencies().isEmpty()),
                p.dependencies().isEmpty() ? "-" : String.join(",", p.dependencies()), p.folder());
            for (java.nio.file.Path s : p.shadowed()) {
                console.out().printf("    %-24s shadowed copy: %s%n", "", s);
            }
        }
    }
}
