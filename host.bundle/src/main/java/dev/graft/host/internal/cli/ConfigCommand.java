package dev.graft.host.internal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import dev.graft.compiler.Build;
import dev.graft.compiler.CompileOptions;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.SourceException;
import dev.graft.compiler.SourcePlugin;
import dev.graft.host.FoundPlugin;
import dev.graft.host.GraftMain;
import dev.graft.host.LoadPlan;
import dev.graft.host.internal.build.PluginBuilder;
import dev.graft.host.internal.output.Console;
import dev.graft.host.internal.output.DiagnosticText;
import dev.graft.host.internal.plan.SiteOptions;

/**
 * {@code graft config NAME}: the effective configuration a plugin of the sites would get, each value
 * with the file and line it comes from. Nothing is installed: the plugin is compiled in memory, as
 * {@code graft check} does, for the metatype that types and checks its values.
 */
final class ConfigCommand extends Command {

    private final CommandServices host;

    ConfigCommand(CommandServices host) {
        super("config",
            "graft config NAME [--site DIR]... [--jar FILE]... [--config DIR] [--policy FILE] [--format text|json]",
            "print the effective configuration of a plugin, each value with the file and line it comes from",
            """
                Finds the plugin as 'graft run' would (the first site with a plugin of that name), compiles it
                in memory with the plugins of the sites it needs (as 'graft check' does; nothing is installed or
                cached), lays the deployment's files (--config DIR: DIR/NAME/PID.cfg ...) over the plugin's own
                config/ files key by key, checks them against the plugin's metatype, and prints one block per
                configuration (PID, or FACTORYPID~NAME), each key with its value and file:line. A value taken
                from the environment (${env:NAME}) shows as ***, and is not resolved. Inside a running shell,
                graft:config NAME shows what Configuration Admin holds for the loaded plugin instead.
                Exits 1 when no site has the plugin, when it does not compile, or when a file has an error.

                Options:
                  --site DIR           a site; repeatable (default: $GRAFT_SITES, else the shipped examples)
                  --jar FILE           a prebuilt bundle, as 'graft run --jar' takes it
                  --config DIR         a deployment's configuration folder (see graft run --help)
                  --policy FILE        the import policy (see graft run --help)
                  --format text|json   the output format (default: text)""");
        this.host = host;
    }

    @Override
    int run(List<String> args, Console console) throws UsageException {
        Arguments a = Arguments.parse(args, Set.of("--site", "--jar", "--config", "--format", PolicySettings.OPTION), Set.of());
        String format = a.one("--format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be text or json, not " + format);
        }
        if (a.positional().size() != 1) {
            throw new UsageException("name exactly one plugin");
        }
        String name = a.positional().get(0);
        String configDir = a.one("--config", "");
        Optional<Path> deployment = configDir.isEmpty() ? Optional.empty() : Optional.of(Path.of(configDir).toAbsolutePath().normalize());
        try {
            host.usePolicy(a);
        } catch (IOException e) {
            console.err().println("graft config: " + e.getMessage());
            return GraftMain.EXIT_FAILED;
        }
        LoadPlan plan = host.loader().plan(host.sites(a.all("--site")), a.all("--jar").stream().map(Path::of).toList());
        Map<String, FoundPlugin> byName = new HashMap<>();
        plan.plugins().forEach(p -> byName.putIfAbsent(p.name(), p));
        FoundPlugin found = byName.get(name);
        if (found == null) {
            console.err().println("graft: no site has a plugin named " + name);
            return GraftMain.EXIT_FAILED;
        }
        if (found.prebuilt()) {
            console.err().println("graft: " + name + " is a prebuilt bundle (" + found.folder() + "): Graft gives it no configuration");
            return GraftMain.EXIT_OK;
        }
        String folder = found.folder().toString();
        PluginBuilder.Result configured;
        try {
            configured = configured(found, byName, plan, deployment, console);
        } catch (SourceException e) {
            console.err().println("graft: " + DiagnosticText.format(folder, e.diagnostic()));
            return GraftMain.EXIT_FAILED;
        } catch (IOException e) {
            console.err().println("graft: the site options of " + folder + ": " + e.getMessage());
            return GraftMain.EXIT_FAILED;
        }
        List<ConfigurationListing.Entry> entries = ConfigurationListing.of(configured.configurations(),
            p -> ConfigurationListing.origin(folder, p));
        if (format.equals("json")) {
            StringJoiner diagnostics = new StringJoiner(",", "[", "]");
            configured.diagnostics().forEach(d -> diagnostics.add(Json.string(DiagnosticText.format(folder, d))));
            console.out().println("{\"name\":" + Json.string(name) + ",\"folder\":" + Json.string(folder) + ",\"ok\":" + configured.succeeded()
                + ",\"diagnostics\":" + diagnostics + ",\"configurations\":" + ConfigurationListing.json(entries) + "}");
        } else {
            configured.diagnostics().forEach(d -> console.err().println(DiagnosticText.format(folder, d)));
            if (configured.succeeded() && entries.isEmpty()) {
                console.out().println(name + ": no configuration files");
            }
            ConfigurationListing.print(name, entries, console.out());
        }
        return configured.succeeded() ? GraftMain.EXIT_OK : GraftMain.EXIT_FAILED;
    }

    /** Compiles the plugin after the plugins it needs, then reads, overrides and checks its configuration files. */
    private PluginBuilder.Result configured(FoundPlugin found, Map<String, FoundPlugin> byName, LoadPlan plan, Optional<Path> deployment,
        Console console) throws SourceException, IOException {
        Set<String> needed = new HashSet<>();
        CheckCommand.collect(found, byName, needed);
        List<Build> batch = new ArrayList<>();
        plan.plugins().stream().filter(p -> needed.contains(p.name())).forEach(p -> CheckCommand.addToBatch(host, p, batch, console));
        SourcePlugin source = found.source().isPresent() ? found.source().get() : host.compiler().read(found.folder());
        CompileOptions options = SiteOptions.options(found.folder(), host.compiler().defaultOptions());
        Build build = host.compiler().compile(source, options, List.copyOf(batch));
        if (!build.succeeded()) {
            List<Diagnostic> errors = build.diagnostics().stream().filter(Diagnostic::isError).toList();
            List<Diagnostic> all = new ArrayList<>(errors);
            all.add(Diagnostic.of(Diagnostic.Severity.ERROR, "", "the plugin does not compile, so its configuration cannot be checked against its"
                + " metatype; run graft check " + found.folder()));
            return new PluginBuilder.Result(source.name(), null, false, build.sourceDigest(), 0, List.of(), all);
        }
        return PluginBuilder.configured(new PluginBuilder.Result(source.name(), build.bundle().orElseThrow(), false, build.sourceDigest(), 0,
            List.of(), List.of()), source, deployment, found.folder().toString());
    }
}
