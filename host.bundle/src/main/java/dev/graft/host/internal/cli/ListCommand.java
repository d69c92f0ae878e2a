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
            "graft list [--site DIR]...",
            "list the plugins of the sites in load order, with dependencies, cache state and shadowed copies",
            """
                Options:
                  --site DIR    a site; repeatable (default: $GRAFT_SITES, else the shipped examples)
                  --cache DIR   the compile cache whose state is shown""");
        this.host = host;
    }

    @Override
    int run(List<String> args, Console console) throws UsageException {
        Arguments a = Arguments.parse(args, Set.of("--site", "--cache"), Set.of());
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + a.positional().get(0));
        }
        try {
            host.useCache(a);
        } catch (java.io.IOException e) {
            console.err().println("graft list: " + e.getMessage());
            return GraftMain.EXIT_FAILED;
        }
        LoadPlan plan = host.loader().plan(host.sites(a.all("--site")));
        console.out().printf("%-3s %-24s %-12s %-30s %s%n", "#", "PLUGIN", "CACHE", "DEPENDS ON", "FOLDER");
        int i = 1;
        for (FoundPlugin p : plan.plugins()) {
            console.out().printf("%-3d %-24s %-12s %-30s %s%n", i++, p.name(), CacheState.of(host, p.folder(), !p.dependencies().isEmpty()),
                p.dependencies().isEmpty() ? "-" : String.join(",", p.dependencies()), p.folder());
            for (java.nio.file.Path s : p.shadowed()) {
                console.out().printf("    %-24s shadowed copy: %s%n", "", s);
            }
        }
        plan.problems().forEach(p -> console.err().println("graft: " + p));
        return plan.blocked().isEmpty() ? GraftMain.EXIT_OK : GraftMain.EXIT_FAILED;
    }
}
