package dev.graft.host.internal.cli;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.graft.host.FoundPlugin;
import dev.graft.host.GraftMain;
import dev.graft.host.LoadPlan;
import dev.graft.host.internal.output.Console;

/** {@code graft which}: which folder provides a plugin, and which copies it shadows. */
final class WhichCommand extends Command {

    private final CommandServices host;

    WhichCommand(CommandServices host) {
        super("which",
            "graft which NAME [--site DIR]...",
            "print the folder that provides a plugin, and the copies it shadows",
            """
                Exits 1 when no site has a plugin of that name.
    
                Options:
                  --site DIR    a site; repeatable (default: $GRAFT_SITES, else the shipped examples)""");
        this.host = host;
    }

    @Override
    int run(List<String> args, Console console) throws UsageException {
        Arguments a = Arguments.parse(args, Set.of("--site"), Set.of());
        if (a.positional().size() != 1) {
            throw new UsageException("name exactly one plugin");
        }
        String name = a.positional().get(0);
        LoadPlan plan = host.loader().plan(host.sites(a.all("--site")));
        Optional<FoundPlugin> found = plan.plugins().stream().filter(p -> p.name().equals(name)).findFirst();
        if (found.isEmpty()) {
            console.err().println("graft: no site has a plugin named " + name);
            return GraftMain.EXIT_FAILED;
        }
        console.out().println(found.get().folder());
        found.get().shadowed().forEach(s -> console.out().println("shadowed: " + s));
        return GraftMain.EXIT_OK;
    }
}
