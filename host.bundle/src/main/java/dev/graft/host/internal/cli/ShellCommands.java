package dev.graft.host.internal.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.graft.host.PluginRecord;
import dev.graft.host.RetiredRevision;
import dev.graft.host.SwapPlan;
import dev.graft.host.SwapResult;
import dev.graft.host.UnloadResult;
import dev.graft.host.internal.output.Console;
import dev.graft.host.internal.swap.Dependants;

/** Graft's commands in the Felix Gogo shell: {@code graft:list}, {@code graft:load} and the others. */
@Component(service = ShellCommands.class, property = {
    "osgi.command.scope=graft",
    "osgi.command.function=list",
    "osgi.command.function=load",
    "osgi.command.function=unload",
    "osgi.command.function=reload",
    "osgi.command.function=check",
    "osgi.command.function=which",
    "osgi.command.function=config",
    "osgi.command.function=cache",
    "osgi.command.function=swap",
    "osgi.command.function=leaks" })
public final class ShellCommands {

    static final String WITH_DEPENDANTS = "--with-dependants";
    static final String DRY_RUN = "--dry-run";

    @Reference
    CommandServices host;

    /** graft:list: the loaded plugins with their state, bundle and components, and the retired versions still pinned. */
    public void list() {
        PluginTable.print(host.registry().plugins(), System.out);
        PluginTable.printPinned(host.loader().pinnedRevisions(), System.out);
    }

    /** graft:load DIR: load (or load again) one plugin folder. */
    public void load(String dir) {
        PluginTable.print(List.of(host.loader().load(Path.of(dir), true)), System.out);
    }

    /** graft:unload NAME: uninstall a plugin; refused, naming them, when loaded plugins depend on it. */
    public void unload(String name) {
        unload(name, false);
    }

    /** graft:unload NAME --with-dependants: uninstall a plugin and the loaded plugins that depend on it. */
    public void unload(String name, String option) {
        if (!WITH_DEPENDANTS.equals(option)) {
            System.out.println("graft:unload: unknown option " + option + "; usage: graft:unload NAME [" + WITH_DEPENDANTS + "]");
            return;
        }
        unload(name, true);
    }

    private void unload(String name, boolean withDependants) {
        UnloadResult r = host.loader().unload(name, withDependants);
        if (!r.succeeded()) {
            r.problems().forEach(System.out::println);
            return;
        }
        System.out.println("unloaded " + String.join(", ", r.unloaded().stream().map(p -> p.name() + " [" + p.bundleId() + "]").toList()));
    }

    /** graft:reload NAME: load a plugin again from its folder, as a new bundle. */
    public void reload(String name) {
        Optional<PluginRecord> r = host.loader().reload(name);
        if (r.isPresent()) {
            PluginTable.print(List.of(r.get()), System.out);
        } else {
            System.out.println("no plugin named " + name + " was loaded from a folder");
        }
    }

    /** graft:check DIR...: compile and analyse without installing. */
    public void check(String... dirs) throws UsageException {
        new CheckCommand(host).run(List.of(dirs), Console.system());
    }

    /** graft:which NAME: where a loaded plugin came from. */
    public void which(String name) {
        Optional<PluginRecord> r = host.registry().plugin(name);
        System.out.println(r.isPresent() ? r.get().origin() + " (" + r.get().state().name().toLowerCase(java.util.Locale.ROOT) + ", "
            + r.get().location() + ")" : "no plugin named " + name + " is loaded");
    }

    /**
     * graft:config NAME: the configuration Configuration Admin holds for a loaded plugin, each value
     * with the file and line Graft took it from ({@code ***} for a value from the environment).
     */
    public void config(String name) throws java.io.IOException {
        Optional<PluginRecord> r = host.registry().plugin(name).filter(p -> !p.location().isEmpty() && p.bundleId() >= 0);
        if (r.isEmpty()) {
            System.out.println("no plugin named " + name + " is loaded");
            return;
        }
        List<ConfigurationListing.Entry> entries = LoadedConfiguration.of(r.get(), host.appliedConfigurations().of(r.get().location()),
            host.configurationAdmin());
        if (entries.isEmpty()) {
            System.out.println(name + ": no configuration in Configuration Admin for bundle " + r.get().bundleId());
        }
        ConfigurationListing.print(name, entries, System.out);
    }

    /** graft:swap NAME [DIR]: swap in a new version of a plugin, from its folder or another. */
    public void swap(String name) {
        swap(name, null);
    }

    /** graft:swap NAME DIR: swap in the version of a plugin that DIR holds; graft:swap NAME --dry-run: what a swap would do. */
    public void swap(String name, String dir) {
        if (DRY_RUN.equals(dir)) {
            SwapPlan plan = host.loader().planSwap(name, null);
            System.out.println(plan.dependants().isEmpty() ? "a swap of " + name + " would swap it alone:"
                : "a swap of " + name + " would swap " + (plan.dependants().size() + 1) + " plugins together:");
            plan.steps().forEach(step -> System.out.println("  " + step));
            return;
        }
        SwapResult r = host.loader().swap(name, dir == null ? null : Path.of(dir));
        if (r.succeeded()) {
            System.out.println("swapped " + name + " to bundle " + r.plugin().bundleId() + " in " + r.millis() + " ms"
                + (r.dependants().isEmpty() ? "" : " with the plugins that depend on it: " + Dependants.describe(r.dependants()))
                + (r.rewired().isEmpty() ? "" : "; re-wired " + String.join(", ", r.rewired())));
        } else {
            System.out.println("swap of " + name + " failed:");
            r.problems().forEach(p -> System.out.println(p.indent(2).stripTrailing()));
        }
    }

    /** graft:leaks: retired plugin bundles whose class loaders are still reachable. */
    public void leaks() {
        List<RetiredRevision> pinned = host.loader().pinnedRevisions();
        if (pinned.isEmpty()) {
            System.out.println("no retired plugin version is pinned");
        }
        PluginTable.printPinned(pinned, System.out);
    }

    /** graft:cache stats|ls|verify|prune|clean. */
    public void cache(String action) throws UsageException {
        CacheCommand.run(action, host.cache(), Console.system());
    }
}
