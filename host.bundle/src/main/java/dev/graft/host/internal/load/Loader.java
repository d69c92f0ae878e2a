package dev.graft.host.internal.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.hooks.bundle.CollisionHook;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.Designate;

import dev.graft.host.internal.plan.BundleJar;
import dev.graft.cache.PluginCache;
import dev.graft.compiler.CompileOptions;
import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.SourceException;
import dev.graft.compiler.SourcePlugin;
import dev.graft.host.internal.start.InstalledMetatype;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.PluginConfigurations;
import dev.graft.compiler.PluginConfiguration;
import dev.graft.host.FoundPlugin;
import dev.graft.host.LoadOptions;
import dev.graft.host.LoadPlan;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginService;
import dev.graft.host.PluginState;
import dev.graft.host.RetiredRevision;
import dev.graft.host.SwapPlan;
import dev.graft.host.SwapResult;
import dev.graft.host.UnloadResult;
import dev.graft.host.internal.build.PluginBuilder;
import dev.graft.host.internal.build.PrecompiledJar;
import dev.graft.host.internal.build.Prepared;
import dev.graft.host.internal.build.ServiceOfType;
import dev.graft.host.internal.output.DiagnosticText;
import dev.graft.host.internal.output.HostLog;
import dev.graft.host.internal.plan.LoadOrder;
import dev.graft.host.internal.plan.SiteClaims;
import dev.graft.host.internal.plan.SiteOptions;
import dev.graft.host.internal.plan.SiteScanner;
import dev.graft.host.internal.plan.Waves;
import dev.graft.host.internal.start.BundleStarter;
import dev.graft.host.internal.start.AppliedConfigurations;
import dev.graft.host.internal.start.ConfigurationBinding;
import dev.graft.host.internal.start.RecordKeeper;
import dev.graft.host.internal.start.RequestGate;
import dev.graft.host.internal.start.RetiredRevisions;
import dev.graft.host.internal.swap.Dependants;
import dev.graft.host.internal.swap.LoaderParts;
import dev.graft.host.internal.swap.SetSwap;
import dev.graft.host.internal.swap.Swap;

/**
 * The loader: plans the sites, builds independent plugins in parallel and installs them in
 * dependency order, each under a location never used before, and records every outcome.
 */
@Component(service = PluginLoader.class, configurationPid = "dev.graft.host.loader")
@Designate(ocd = LoaderConfiguration.class)
public final class Loader implements PluginLoader {

    @Reference
    PluginCompiler compiler;
    @Reference
    PluginCache cache;
    @Reference
    RecordKeeper registry;
    @Reference
    ServiceComponentRuntime scr;
    @Reference
    SiteClaims claims;
    @Reference
    HostLog log;
    /** The Servlet Whiteboard's gate, while one runs: a swap holds its requests back as the old version leaves. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile RequestGate gate;
    @Reference
    ConfigurationAdmin configurationAdmin;
    @Reference
    AppliedConfigurations appliedConfigurations;
    /** Held so that no plugin is installed before a swap may install its new version beside the old one. */
    @Reference(target = "(component.name=" + SideBySideVersions.NAME + ")")
    CollisionHook sideBySide;

    private BundleContext context;
    private BundleStarter starter;
    private PluginBuilder builder;
    private ExecutorService builders;
    private final Map<String, Path> folders = new HashMap<>();
    /**
     * The deployment's configuration folder of each site, as the last load of the site named it: it
     * applies to the site's plugins in their loads, swaps and reconfigurations, also under watch.
     */
    private final Map<Path, Path> deployments = new ConcurrentHashMap<>();
    /** Plugins last loaded without the cache: their reloads and swaps do not use it either. */
    private final Set<String> uncached = ConcurrentHashMap.newKeySet();
    private final RetiredRevisions retired = new RetiredRevisions();

    private RequestGate requestGate() {
        RequestGate g = gate;
        return g != null ? g : RequestGate.OPEN;
    }

    @Activate
    void activate(BundleContext bundleContext, LoaderConfiguration config) {
        context = bundleContext;
        starter = new BundleStarter(context, scr, retired, log.logger(), this::requestGate,
            new ConfigurationBinding(configurationAdmin, context, System::getenv, appliedConfigurations), config.componentDeadlineMillis(),
            config.startDeadlineMillis());
        builder = new PluginBuilder(compiler, cache);
        int threads = config.parallelBuilds() > 0 ? config.parallelBuilds() : Runtime.getRuntime().availableProcessors();
        builders = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "graft-build");
            t.setDaemon(true);
            return t;
        });
    }

    /** New deadlines apply to the next load or swap; the number of build threads is kept until reactivation. */
    @Modified
    void modified(LoaderConfiguration config) {
        starter.deadlines(config.componentDeadlineMillis(), config.startDeadlineMillis());
    }

    @Deactivate
    void deactivate() {
        builders.shutdownNow();
    }

    @Override
    public LoadPlan plan(List<Path> sites) {
        return plan(sites, List.of());
    }

    @Override
    public LoadPlan plan(List<Path> sites, List<Path> jars) {
        InstalledBundles.resolve(context);
        return LoadOrder.plan(SiteScanner.scan(sites, jars, compiler), compiler::isAvailable);
    }

    @Override
    public List<PluginRecord> loadAll(LoadOptions options) {
        return loadAll(plan(options.sites(), options.jars()), options);
    }

    @Override
    public List<PluginRecord> loadAll(LoadPlan plan, LoadOptions options) {
        List<PluginRecord> records = new ArrayList<>();
        Map<String, PluginRecord> byName = new HashMap<>();
        List<Installed> deferred = new ArrayList<>();
        List<List<FoundPlugin>> waves = Waves.of(plan.plugins());
        // jars of the options that the plan was made without: loaded last, as they were before they took part in plans
        List<Path> unplanned = options.jars().stream()
            .filter(jar -> plan.plugins().stream().noneMatch(p -> p.prebuilt() && p.folder().equals(jar))).toList();
        for (Path site : options.sites()) {
            Path key = site.toAbsolutePath().normalize();
            options.config().ifPresentOrElse(c -> deployments.put(key, c), () -> deployments.remove(key));
        }
        for (int w = 0; w < waves.size(); w++) {
            boolean laterWaves = w < waves.size() - 1 || !unplanned.isEmpty();
            List<Future<Prepared>> builds = new ArrayList<>();
            for (FoundPlugin p : waves.get(w)) {
                Optional<String> blocker = blocker(p, plan, byName);
                builds.add(blocker.isPresent()
                    ? java.util.concurrent.CompletableFuture.completedFuture(Prepared.skipped(p, blocker.get()))
                    : builders.submit(() -> prepare(p, options)));
            }
            for (List<Prepared> ready : Batches.ready(builds, Loader::await)) {
                for (PluginRecord r : installAll(ready, options.useCache(), laterWaves, deferred)) {
                    records.add(r);
                    byName.put(r.name(), r);
                }
            }
        }
        for (Path jar : unplanned) {
            records.add(loadJar(jar));
        }
        for (PluginRecord settled : settleDeferred(deferred)) {
            records.replaceAll(r -> r.name().equals(settled.name()) ? settled : r);
        }
        return records;
    }

    @Override
    public PluginRecord load(Path folder, boolean useCache) {
        return install(prepare(folder, useCache), useCache);
    }

    @Override
    public <T> PluginService<T> load(Path folder, Class<T> type) {
        Prepared prepared = prepare(folder, true);
        if (prepared.outcome() != null && prepared.outcome().succeeded()) {
            Optional<String> missing = ServiceOfType.missing(prepared.name(), prepared.outcome().bundle(), type);
            if (missing.isPresent()) {
                return ServiceOfType.refused(prepared.failedRecord(), missing.get());
            }
        }
        PluginRecord loaded = install(prepared, true);
        if (loaded.state() != PluginState.ACTIVE) {
            return new PluginService<>(loaded, Optional.empty());
        }
        Optional<T> service = ServiceOfType.find(context, context.getBundle(loaded.bundleId()), type);
        if (service.isEmpty()) {
            unload(loaded.name());
            return ServiceOfType.refused(loaded, loaded.name() + "'s " + type.getName()
                + " service is not of the class the host sees (the plugin wires to another copy of it); unloaded");
        }
        return new PluginService<>(loaded, service);
    }

    @Override
    public PluginRecord loadJar(Path jar) {
        return install(PrecompiledJar.read(jar, compiler), false);
    }

    @Override
    public Optional<PluginRecord> unload(String name) {
        UnloadResult result = unload(name, false);
        return result.succeeded() ? Optional.of(result.unloaded().get(result.unloaded().size() - 1)) : Optional.empty();
    }

    @Override
    public synchronized UnloadResult unload(String name, boolean withDependants) {
        Optional<PluginRecord> current = registry.plugin(name).filter(Loader::installed);
        if (current.isEmpty()) {
            return new UnloadResult(name, false, List.of(), List.of(), List.of("no plugin named " + name + " is loaded"));
        }
        List<PluginRecord> dependants = dependantsOf(current.get());
        List<String> names = dependants.stream().map(PluginRecord::name).toList();
        if (!dependants.isEmpty() && !withDependants) {
            return new UnloadResult(name, false, List.of(), names, List.of(name + " is not unloaded: loaded plugins depend on it: "
                + Dependants.describe(dependants) + "; unload them first, or unload it with its dependants"));
        }
        List<PluginRecord> order = new ArrayList<>(dependants);
        java.util.Collections.reverse(order);
        order.add(current.get());
        List<Bundle> bundles = new ArrayList<>();
        List<String> bundleNames = new ArrayList<>();
        for (PluginRecord r : order) {
            Bundle bundle = context.getBundle(r.bundleId());
            if (bundle != null) {
                bundles.add(bundle);
                bundleNames.add(r.name());
            }
        }
        starter.uninstallAll(bundleNames, bundles);
        List<PluginRecord> unloaded = new ArrayList<>();
        for (PluginRecord r : order) {
            PluginRecord now = registry.plugin(r.name()).orElseThrow();
            if (now.state() != PluginState.UNLOADED) {
                now = now.with(PluginState.UNLOADED, List.of());
                registry.record(now);
            }
            unloaded.add(now);
        }
        return new UnloadResult(name, true, unloaded, names, List.of());
    }

    /** Whether a record's bundle is installed, whatever its state. */
    public static boolean installed(PluginRecord r) {
        return r.bundleId() >= 0 && switch (r.state()) {
            case ACTIVE, UNRESOLVED, STOPPED -> true;
            case FAILED, SKIPPED, UNLOADED -> false;
        };
    }

    @Override
    public Optional<PluginRecord> reload(String name) {
        Path folder = folderOf(name);
        if (folder == null) {
            return Optional.empty();
        }
        return Optional.of(load(folder, usesCache(name)));
    }

    @Override
    public synchronized SwapResult reconfigure(String name) {
        long begin = System.nanoTime();
        Path source = folderOf(name);
        Optional<PluginRecord> running = registry.plugin(name).filter(r -> r.state() == PluginState.ACTIVE);
        if (source == null) {
            throw new IllegalArgumentException("no folder is known for plugin " + name);
        }
        if (running.isEmpty()) {
            // not running (it failed, perhaps for this very configuration): a load with the new files
            return swap(name, source);
        }
        PluginRecord old = running.get();
        List<String> problems = new ArrayList<>();
        List<PluginConfiguration> configurations = configurationsFor(old, source, problems);
        if (problems.isEmpty()) {
            try {
                starter.reconfigure(old.location(), configurations);
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        return new SwapResult(name, problems.isEmpty(), old, problems, List.of(), PluginBuilder.millisSince(begin));
    }

    /**
     * The configurations of a running plugin's folder, checked against the metatype of its
     * installed bundle: no build, since only configuration files changed (the sources must be the
     * ones the bundle was built from). Problems are added to {@code problems}.
     */
    private List<PluginConfiguration> configurationsFor(PluginRecord running, Path source, List<String> problems) {
        Bundle bundle = context.getBundle(running.location());
        if (BundleJar.isJar(source) || bundle == null) {
            problems.add(running.name() + " has no configuration files to apply: " + (bundle == null ? "its bundle is gone" : "it is a jar"));
            return List.of();
        }
        try {
            SourcePlugin plugin = compiler.read(source);
            if (!plugin.digest().equals(running.sourceDigest())) {
                problems.add(running.name() + "'s sources changed since it was built: swap it instead");
                return List.of();
            }
            Map<String, byte[]> metatype = InstalledMetatype.of(bundle);
            PluginConfigurations.Result checked = PluginBuilder.configurations(plugin, deploymentOf(source),
                merged -> PluginConfigurations.check(merged, metatype));
            checked.diagnostics().stream().filter(Diagnostic::isError).forEach(d -> problems.add(DiagnosticText.format(source.toString(), d)));
            return checked.configurations();
        } catch (SourceException e) {
            problems.add(DiagnosticText.format(source.toString(), e.diagnostic()));
        } catch (IOException e) {
            problems.add(running.name() + ": the metatype of bundle " + bundle.getBundleId() + " cannot be read: " + e.getMessage());
        }
        return List.of();
    }

    @Override
    public SwapResult swap(String name, Path folder) {
        return swap(name, folder, usesCache(name));
    }

    @Override
    public synchronized SwapResult swap(String name, Path folder, boolean useCache) {
        long begin = System.nanoTime();
        Path source = folder != null ? folder : folderOf(name);
        if (source == null) {
            throw new IllegalArgumentException("no folder is known for plugin " + name + "; name one");
        }
        Optional<PluginRecord> old = registry.plugin(name).filter(r -> r.state() == PluginState.ACTIVE);
        Bundle oldBundle = old.map(r -> context.getBundle(r.bundleId())).orElse(null);
        if (oldBundle == null) {
            PluginRecord loaded = load(source, useCache);
            return new SwapResult(name, loaded.state() == PluginState.ACTIVE, loaded, loaded.problems(), List.of(),
                PluginBuilder.millisSince(begin));
        }
        List<PluginRecord> dependants = dependantsOf(old.get());
        if (!dependants.isEmpty()) {
            SwapResult result = new SetSwap(context, new LoaderParts(compiler, cache, registry, starter, this::usesCache, this::deploymentOf))
                .run(old.get(), oldBundle, source, dependants, useCache, begin);
            if (result.succeeded()) {
                remember(name, source, useCache);
                result.dependants().stream().filter(r -> Files.isDirectory(Path.of(r.origin())))
                    .forEach(r -> remember(r.name(), Path.of(r.origin()), usesCache(r.name())));
            }
            return result;
        }
        Prepared prepared = prepare(source, useCache);
        if (!prepared.name().equals(name)) {
            return new SwapResult(name, false, old.get(), List.of(source + " holds plugin " + prepared.name() + ", not " + name),
                List.of(), PluginBuilder.millisSince(begin));
        }
        SwapResult result = new Swap(context, registry, starter).run(old.get(), oldBundle, prepared, begin);
        if (result.succeeded()) {
            remember(name, source, useCache);
        }
        return result;
    }

    @Override
    public SwapPlan planSwap(String name, Path folder) {
        Path source = folder != null ? folder : folderOf(name);
        Optional<PluginRecord> old = registry.plugin(name).filter(r -> r.state() == PluginState.ACTIVE);
        List<String> steps = new ArrayList<>();
        steps.add(name + (old.isPresent() ? " [" + old.get().bundleId() + "]" : "") + ": " + (source == null
            ? "no folder is known for it; name one" : "built from " + source + (usesCache(name) ? " (cache or compiler)" : " (compiler)")
                + (old.isPresent() ? ", installed beside the running version" : ", loaded: it is not loaded now")));
        List<PluginRecord> dependants = old.map(this::dependantsOf).orElse(List.of());
        for (PluginRecord d : dependants) {
            Path origin = Path.of(d.origin());
            steps.add(d.name() + " [" + d.bundleId() + "]: " + (Files.isDirectory(origin)
                ? "rebuilt from " + origin + " against the new " + name + ", installed beside the running version"
                : "a prebuilt jar (" + origin + "), installed again as it is; refused unless the new " + name + " satisfies its imports"));
        }
        if (!dependants.isEmpty()) {
            steps.add("all or nothing: the old versions are retired once every new one is active, else they keep running");
        }
        return new SwapPlan(name, old.isPresent(), dependants.stream().map(PluginRecord::name).toList(), steps);
    }

    /** The loaded plugins that depend on a plugin, in dependency order. */
    private List<PluginRecord> dependantsOf(PluginRecord plugin) {
        return new Dependants(context, registry.plugins().stream().filter(Loader::installed).toList()).of(plugin);
    }

    @Override
    public List<RetiredRevision> pinnedRevisions() {
        return retired.pinned();
    }

    /**
     * Builds the content the plan was made from; reads the folder only when the plan holds none. A
     * prebuilt bundle is read as it is: one given with {@code --jar} must come from {@code graft compile}.
     */
    private Prepared prepare(FoundPlugin found, LoadOptions options) {
        if (found.prebuilt()) {
            return PrecompiledJar.read(found.folder(), compiler, options.jars().contains(found.folder()));
        }
        if (found.source().isEmpty()) {
            return prepare(found.folder(), options.useCache());
        }
        return build(found.source().get(), found.folder(), options.useCache());
    }

    /** Builds a plugin folder, or reads a bundle jar of a site. */
    private Prepared prepare(Path folder, boolean useCache) {
        if (BundleJar.isJar(folder)) {
            return PrecompiledJar.read(folder, compiler, false);
        }
        SourcePlugin plugin;
        try {
            plugin = compiler.read(folder);
        } catch (SourceException e) {
            return Prepared.built(folder, PluginBuilder.failed(folder.getFileName().toString(), "", System.nanoTime(), List.of(e.diagnostic()),
                folder.toString()));
        }
        return build(plugin, folder, useCache);
    }

    /**
     * Builds a plugin with the compile options of its site; a build that lacks a service its site's
     * configuration requires ({@code require}) is refused here, before anything is installed.
     */
    private Prepared build(SourcePlugin plugin, Path folder, boolean useCache) {
        CompileOptions options;
        try {
            options = SiteOptions.options(folder, compiler.defaultOptions(), claims::policy);
        } catch (IOException e) {
            return Prepared.failed(plugin.name(), folder, List.of("the site options: " + e.getMessage()));
        }
        PluginBuilder.Result outcome = builder.build(plugin, options, folder.toString(), useCache, deploymentOf(folder));
        Path site = folder.toAbsolutePath().normalize().getParent();
        List<String> required = site == null ? List.of() : claims.required(site);
        if (outcome.succeeded() && !required.isEmpty()) {
            List<String> missing = ServiceOfType.missing(outcome.name(), outcome.bundle(), required);
            if (!missing.isEmpty()) {
                return Prepared.failed(outcome.name(), folder, missing);
            }
        }
        return Prepared.built(folder, outcome);
    }

    private PluginRecord install(Prepared prepared, boolean useCache) {
        return installAll(List.of(prepared), useCache, false, new ArrayList<>()).get(0);
    }

    /** A plugin installed and started, with what its record is made of. */
    private record Installed(Prepared prepared, String location, BundleStarter.Started started) {

        PluginRecord record() {
            return started.record(prepared.outcome(), prepared.origin(), location);
        }
    }

    /**
     * Installs and starts the plugins together (they must be independent of each other), and
     * records each outcome as soon as it is settled. A plugin that waits for a service a later
     * wave may provide is not recorded yet: it goes to {@code deferred}.
     *
     * @return the records in the order of the batch, a deferred plugin's as it stands
     */
    private synchronized List<PluginRecord> installAll(List<Prepared> batch, boolean useCache, boolean laterWaves,
        List<Installed> deferred) {
        List<BundleStarter.Request> requests = new ArrayList<>();
        Map<String, Prepared> byName = new HashMap<>();
        for (Prepared prepared : batch) {
            if (prepared.state() != PluginState.SKIPPED && (Files.isDirectory(prepared.origin()) || BundleJar.isJar(prepared.origin()))) {
                remember(prepared.name(), prepared.origin(), useCache);
            }
            if (prepared.outcome() != null && prepared.outcome().succeeded()) {
                PluginBuilder.Result outcome = prepared.outcome();
                unload(outcome.name(), true);
                requests.add(new BundleStarter.Request(outcome.name(), registry.newLocation(outcome.name(), outcome.locationDigest()),
                    outcome.bundle(), outcome.configurations()));
                byName.put(outcome.name(), prepared);
            } else if (registry.plugin(prepared.name()).filter(Loader::installed).isEmpty()) {
                registry.record(prepared.failedRecord());
            }
        }
        Map<String, String> locations = new HashMap<>();
        requests.forEach(r -> locations.put(r.name(), r.location()));
        List<BundleStarter.Started> starts = starter.startAll(requests, laterWaves, started -> {
            Installed installed = new Installed(byName.get(started.name()), locations.get(started.name()), started);
            if (started.deferred()) {
                deferred.add(installed);
            } else {
                registry.record(installed.record());
            }
        });
        List<PluginRecord> records = new ArrayList<>();
        int next = 0;
        for (Prepared prepared : batch) {
            if (prepared.outcome() == null || !prepared.outcome().succeeded()) {
                records.add(prepared.failedRecord());
            } else {
                records.add(new Installed(prepared, requests.get(next).location(), starts.get(next)).record());
                next++;
            }
        }
        return records;
    }

    /** Waits for the deferred plugins, now that every wave is installed, and records each as it settles. */
    private synchronized List<PluginRecord> settleDeferred(List<Installed> deferred) {
        if (deferred.isEmpty()) {
            return List.of();
        }
        Map<String, Installed> byName = new HashMap<>();
        deferred.forEach(d -> byName.put(d.started().name(), d));
        List<PluginRecord> records = new ArrayList<>();
        starter.settleDeferred(deferred.stream().map(Installed::started).toList(), started -> {
            Installed before = byName.get(started.name());
            PluginRecord r = new Installed(before.prepared(), before.location(), started).record();
            registry.record(r);
            records.add(r);
        });
        return records;
    }

    private Optional<Path> deploymentOf(Path pluginFolder) {
        Path site = pluginFolder.toAbsolutePath().normalize().getParent();
        return site == null ? Optional.empty() : Optional.ofNullable(deployments.get(site));
    }

    private Path folderOf(String name) {
        synchronized (folders) {
            return folders.get(name);
        }
    }

    /** Remembers where a plugin came from and whether it was built with the cache, for reloads and swaps. */
    private void remember(String name, Path folder, boolean useCache) {
        synchronized (folders) {
            folders.put(name, folder);
        }
        if (useCache) {
            uncached.remove(name);
        } else {
            uncached.add(name);
        }
    }

    private boolean usesCache(String name) {
        return !uncached.contains(name);
    }

    private static Optional<String> blocker(FoundPlugin p, LoadPlan plan, Map<String, PluginRecord> loaded) {
        String blocked = plan.blocked().get(p.name());
        if (blocked != null) {
            return Optional.of(blocked);
        }
        for (String dep : p.dependencies()) {
            PluginRecord r = loaded.get(dep);
            if (r != null && r.state() != PluginState.ACTIVE) {
                return Optional.of("skipped because " + dep + " " + (r.state() == PluginState.SKIPPED ? "was skipped" : "failed")
                    + " (" + p.name() + " -> " + dep + ")");
            }
        }
        return Optional.empty();
    }

    private static Prepared await(Future<Prepared> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a build crashed: " + e.getCause(), e.getCause());
        }
    }
}
