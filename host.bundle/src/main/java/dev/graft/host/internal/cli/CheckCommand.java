package dev.graft.host.internal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import dev.graft.compiler.Build;
import dev.graft.compiler.CheckResult;
import dev.graft.compiler.CompileOptions;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.SourceException;
import dev.graft.compiler.PluginConfiguration;
import dev.graft.compiler.SourcePlugin;
import dev.graft.host.internal.build.PluginBuilder;
import dev.graft.host.FoundPlugin;
import dev.graft.host.GraftMain;
import dev.graft.host.LoadPlan;
import dev.graft.host.internal.build.CachedBuild;
import dev.graft.host.internal.build.PrecompiledJar;
import dev.graft.host.internal.build.Prepared;
import dev.graft.host.internal.output.Console;
import dev.graft.host.internal.output.DiagnosticText;
import dev.graft.host.internal.plan.SiteOptions;

/** {@code graft check}: compile, analyse and resolve plugins without installing anything. */
final class CheckCommand extends Command {

    private final CommandServices host;
    private Optional<Path> deployment = Optional.empty();

    CheckCommand(CommandServices host) {
        super("check",
            "graft check [--format text|json] [--policy FILE] [--config DIR] DIR...",
            "compile and analyse plugins and say whether they would resolve, without installing them",
            """
                Prints every diagnostic as javac does (file:line:col: error: message, the source line and a
                caret), or as JSON for editors and CI. A plugin may use the packages that other plugins of
                its site export (they are compiled first, not installed), and the packages that earlier
                folders given on the command line export. Exits 1 when any error is found.
    
                Options:
                  --format text|json   the output format (default: text)
                  --policy FILE        the import policy (see graft run --help)
                  --config DIR         a deployment's configuration folder (see graft run --help): its
                                       files are laid over the plugin's config/ files before the check

                A plugin's configuration files (config/PID.cfg, config/PID.json, FACTORYPID~NAME.*) are
                checked against the metatype its bundle declares, and the effective values are listed,
                each with the file and line it comes from (a value from ${env:...} shows as ***).

                check reads and writes no cache, local or remote: it compiles every plugin it names, so
                that it reports every diagnostic (a cached bundle keeps none).""");
        this.host = host;
    }

    @Override
    int run(List<String> args, Console console) throws UsageException {
        for (String arg : args) {
            if (arg.startsWith(CommandServices.REMOTE_CACHE) || arg.startsWith("--cache")) {
                throw new UsageException(arg + ": check reads no cache, local or remote; it compiles every plugin to report"
                    + " every diagnostic (the cache options are those of run, shell and cache)");
            }
        }
        Arguments a = Arguments.parse(args, Set.of("--format", PolicySettings.OPTION, "--config"), Set.of());
        String format = a.one("--format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be text or json, not " + format);
        }
        if (a.positional().isEmpty()) {
            throw new UsageException("name at least one plugin folder");
        }
        try {
            host.usePolicy(a);
        } catch (java.io.IOException e) {
            console.err().println("graft check: " + e.getMessage());
            return GraftMain.EXIT_FAILED;
        }
        String configDir = a.one("--config", "");
        deployment = configDir.isEmpty() ? Optional.empty() : Optional.of(Path.of(configDir).toAbsolutePath().normalize());
        List<Checked> results = new ArrayList<>();
        List<Build> batch = new ArrayList<>();
        Set<Path> inBatch = new HashSet<>();
        Map<Path, SourcePlugin> planned = new HashMap<>();
        for (String dir : a.positional()) {
            for (FoundPlugin dependency : siteDependencies(Path.of(dir), planned)) {
                if (inBatch.add(dependency.folder().toAbsolutePath().normalize())) {
                    addToBatch(dependency, batch, console);
                }
            }
            inBatch.add(Path.of(dir).toAbsolutePath().normalize());
            results.add(check(dir, planned.get(Path.of(dir).toAbsolutePath().normalize()), batch));
        }
        if (format.equals("json")) {
            console.out().println(json(results));
        } else {
            text(results, console);
        }
        return results.stream().allMatch(Checked::ok) ? GraftMain.EXIT_OK : GraftMain.EXIT_FAILED;
    }

    /**
     * The plugins of the same site that this one needs, transitively, in load order. Remembers what
     * the plan read of each folder, so that a check compiles the content the plan was made from.
     */
    private List<FoundPlugin> siteDependencies(Path folder, Map<Path, SourcePlugin> planned) {
        Path site = folder.toAbsolutePath().normalize().getParent();
        if (site == null || !Files.isDirectory(site)) {
            return List.of();
        }
        LoadPlan plan = host.loader().plan(List.of(site));
        Map<String, FoundPlugin> byName = new HashMap<>();
        plan.plugins().forEach(p -> byName.put(p.name(), p));
        plan.plugins().forEach(p -> p.source().ifPresent(source -> planned.putIfAbsent(p.folder().toAbsolutePath().normalize(), source)));
        Set<String> needed = new HashSet<>();
        plan.plugins().stream().filter(p -> samePath(p.folder(), folder)).findFirst()
            .ifPresent(p -> collect(p, byName, needed));
        return plan.plugins().stream().filter(p -> needed.contains(p.name())).toList();
    }

    /** Adds the names of the plugins that {@code plugin} needs, transitively. */
    static void collect(FoundPlugin plugin, Map<String, FoundPlugin> byName, Set<String> needed) {
        for (String dependency : plugin.dependencies()) {
            FoundPlugin d = byName.get(dependency);
            if (d != null && needed.add(dependency)) {
                collect(d, byName, needed);
            }
        }
    }

    private static boolean samePath(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private void addToBatch(FoundPlugin found, List<Build> batch, Console console) {
        addToBatch(host, found, batch, console);
    }

    /**
     * Builds a plugin (or reads a prebuilt jar) that another one needs, in memory, and adds it to
     * the batch the next compiles see; a failure is named on standard error.
     */
    static void addToBatch(CommandServices host, FoundPlugin found, List<Build> batch, Console console) {
        Path dependency = found.folder();
        if (found.prebuilt()) {
            // a bundle jar of the site: compiled against as it is, never installed by a check
            Prepared jar = PrecompiledJar.read(dependency, host.compiler(), false);
            if (jar.outcome() != null && jar.outcome().succeeded()) {
                batch.add(new CachedBuild(jar.name(), jar.outcome().bundle(), jar.outcome().sourceDigest(), List.of()));
            } else {
                jar.problems().forEach(p -> console.err().println("graft: " + p));
            }
            return;
        }
        try {
            SourcePlugin plugin = found.source().isPresent() ? found.source().get() : host.compiler().read(dependency);
            Build build = host.compiler().compile(plugin, SiteOptions.options(dependency, host.compiler().defaultOptions()),
                List.copyOf(batch));
            if (build.succeeded()) {
                batch.add(build);
            } else {
                console.err().println("graft: " + dependency + " has errors, so plugins that need it cannot be checked fully;"
                    + " run graft check " + dependency);
            }
        } catch (SourceException e) {
            console.err().println("graft: " + DiagnosticText.format(dependency.toString(), e.diagnostic()));
        } catch (IOException e) {
            console.err().println("graft: the site options of " + dependency + ": " + e.getMessage());
        }
    }

    /** Checks the content the site's plan read of the folder, or reads it when no plan did. */
    private Checked check(String dir, SourcePlugin planned, List<Build> batch) {
        SourcePlugin plugin = planned;
        if (plugin == null) {
            try {
                plugin = host.compiler().read(Path.of(dir));
            } catch (SourceException e) {
                return new Checked(dir, Path.of(dir).getFileName().toString(), List.of(e.diagnostic()), false);
            }
        }
        CompileOptions options;
        try {
            options = SiteOptions.options(Path.of(dir), host.compiler().defaultOptions());
        } catch (IOException e) {
            return new Checked(dir, plugin.name(), List.of(Diagnostic.of(Diagnostic.Severity.ERROR, "",
                "the site options: " + e.getMessage())), false);
        }
        CheckResult result = host.compiler().check(plugin, options, List.copyOf(batch));
        if (!result.ok()) {
            return new Checked(dir, plugin.name(), result.diagnostics(), false);
        }
        Build build = host.compiler().compile(plugin, options, List.copyOf(batch));
        batch.add(build);
        if (!build.succeeded()) {
            return new Checked(dir, plugin.name(), result.diagnostics(), true);
        }
        PluginBuilder.Result configured = PluginBuilder.configured(new PluginBuilder.Result(plugin.name(), build.bundle().orElseThrow(), false,
            build.sourceDigest(), 0, List.of(), List.of()), plugin, deployment, dir);
        List<Diagnostic> all = new ArrayList<>(result.diagnostics());
        all.addAll(configured.diagnostics());
        return new Checked(dir, plugin.name(), all, configured.succeeded(), configured.configurations());
    }

    private static void text(List<Checked> results, Console console) {
        int errors = 0;
        int warnings = 0;
        for (Checked c : results) {
            for (Diagnostic d : c.diagnostics()) {
                console.out().println(DiagnosticText.format(c.dir(), d));
                errors += d.severity() == Diagnostic.Severity.ERROR ? 1 : 0;
                warnings += d.severity() == Diagnostic.Severity.WARNING ? 1 : 0;
            }
        }
        for (Checked c : results) {
            ConfigurationListing.print(c.name(), ConfigurationListing.of(c.configurations(), p -> ConfigurationListing.origin(c.dir(), p)),
                console.out());
        }
        for (Checked c : results) {
            console.err().println("graft: " + c.name() + (c.ok() ? " ok" : " has errors"));
        }
        console.err().println("graft: " + errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings"));
    }

    private static String json(List<Checked> results) {
        StringJoiner plugins = new StringJoiner(",", "{\"plugins\":[", "]}");
        for (Checked c : results) {
            StringJoiner diagnostics = new StringJoiner(",", "[", "]");
            for (Diagnostic d : c.diagnostics()) {
                diagnostics.add("{\"file\":" + Json.string(d.file().isEmpty() ? "" : d.file().startsWith("/") ? d.file() : c.dir() + "/" + d.file()) + ",\"line\":" + d.line()
                    + ",\"column\":" + d.column() + ",\"severity\":" + Json.string(d.severity().name().toLowerCase(java.util.Locale.ROOT))
                    + ",\"message\":" + Json.string(d.message()) + "}");
            }
            String configurations = ConfigurationListing.json(ConfigurationListing.of(c.configurations(),
                p -> ConfigurationListing.origin(c.dir(), p)));
            plugins.add("{\"name\":" + Json.string(c.name()) + ",\"folder\":" + Json.string(c.dir()) + ",\"ok\":" + c.ok()
                + ",\"diagnostics\":" + diagnostics + ",\"configurations\":" + configurations + "}");
        }
        return plugins.toString();
    }

    private record Checked(String dir, String name, List<Diagnostic> diagnostics, boolean ok, List<PluginConfiguration> configurations) {

        Checked(String dir, String name, List<Diagnostic> diagnostics, boolean ok) {
            this(dir, name, diagnostics, ok, List.of());
        }
    }
}
