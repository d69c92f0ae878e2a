package dev.graft.host.internal.swap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import dev.graft.cache.CacheEntry;
import dev.graft.cache.CacheKey;
import dev.graft.cache.Lookup;
import dev.graft.cache.PluginCache;
import dev.graft.compiler.Build;
import dev.graft.compiler.BundleSummary;
import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.SourceException;
import dev.graft.compiler.SourcePlugin;
import dev.graft.compiler.WiredPackage;
import dev.graft.host.PluginRecord;
import dev.graft.host.SwapResult;
import dev.graft.host.internal.build.CachedBuild;
import dev.graft.host.internal.build.PluginBuilder;
import dev.graft.host.internal.build.PrecompiledJar;
import dev.graft.host.internal.build.Prepared;
import dev.graft.host.internal.output.DiagnosticText;
import dev.graft.host.internal.start.BundleStarter;

/**
 * The swap of a plugin that loaded plugins depend on, as one transaction: the plugin is built, each
 * dependant is rebuilt against the new builds before it (a cache hit when the cache holds it built
 * against exactly those; a prebuilt jar is taken as it is), the
 * whole set is installed beside the old set (its members wired to each other, never to the old
 * set), started and waited for; only then are the new records made and the old set retired. Any
 * failure uninstalls everything of the new set and leaves the old set running, untouched.
 */
public final class SetSwap {

    /** One member of the set: its running version and its new build. */
    private record Member(PluginRecord old, Bundle oldBundle, Path origin, PluginBuilder.Result outcome) {
    }

    private final BundleContext context;
    private final LoaderParts parts;

    public SetSwap(BundleContext context, LoaderParts parts) {
        this.context = context;
        this.parts = parts;
    }

    /**
     * @param old the plugin's running record
     * @param oldBundle its bundle
     * @param source the folder of its new version
     * @param dependants the loaded plugins that depend on it, in dependency order
     * @param useCache whether to build the plugin with the cache (each dependant uses the cache as it was loaded)
     * @param beginNanos when the swap began
     * @return what happened
     */
    public SwapResult run(PluginRecord old, Bundle oldBundle, Path source, List<PluginRecord> dependants, boolean useCache, long beginNanos) {
        List<Member> members = new ArrayList<>();
        List<Build> batch = new ArrayList<>();
        BuildStep root = Files.isDirectory(source) ? build(old, source, batch, useCache) : prebuiltRoot(old, source, batch);
        if (root.problems() != null) {
            return failed(old, dependants, root.problems(), beginNanos);
        }
        members.add(new Member(old, oldBundle, source, root.outcome()));
        Build rootBuild = batch.get(0);
        String change = ApiChange.describe(old.name(), ApiChange.of(oldBundle, rootBuild.summary().orElseThrow(), rootBuild.bundle().orElseThrow()));
        for (PluginRecord dependant : dependants) {
            Bundle bundle = context.getBundle(dependant.bundleId());
            Path origin = Path.of(dependant.origin());
            BuildStep step = Files.isDirectory(origin) ? build(dependant, origin, batch, parts.usesCache(dependant.name()))
                : prebuilt(dependant, origin);
            if (step.problems() != null) {
                List<String> why = new ArrayList<>();
                why.add(dependant.name() + " cannot follow the new " + old.name() + " (" + change + "):");
                why.addAll(step.problems());
                return failed(old, dependants, why, beginNanos);
            }
            members.add(new Member(dependant, bundle, origin, step.outcome()));
        }
        return install(old, dependants, members, change, beginNanos);
    }

    /** What building one member gave: its outcome, or the problems that stopped it (null when none). */
    private record BuildStep(PluginBuilder.Result outcome, List<String> problems) {
    }

    /**
     * Builds a member against the framework and the new builds of the set before it, and adds it to
     * them: from the cache when it holds this member compiled against exactly those builds, else
     * by the compiler (and stored).
     */
    private BuildStep build(PluginRecord member, Path folder, List<Build> batch, boolean useCache) {
        SourcePlugin plugin;
        try {
            plugin = parts.compiler().read(folder);
        } catch (SourceException e) {
            return new BuildStep(null, List.of(DiagnosticText.format(folder.toString(), e.diagnostic())));
        }
        if (!plugin.name().equals(member.name())) {
            return new BuildStep(null, List.of(folder + " holds plugin " + plugin.name() + ", not " + member.name()));
        }
        long begin = System.nanoTime();
        PluginCompiler compiler = parts.compiler();
        PluginCache cache = parts.cache();
        CacheKey key = useCache ? cache.key(plugin, compiler.defaultOptions()) : null;
        if (key != null) {
            Lookup lookup = cache.find(key, planned(batch));
            if (lookup.isHit() && builtWith(lookup.entry().orElseThrow(), batch)) {
                Build hit = new CachedBuild(member.name(), lookup.bundle().orElseThrow(), lookup.entry().orElseThrow());
                batch.add(hit);
                return configured(new PluginBuilder.Result(member.name(), hit.bundle().orElseThrow(), true, hit.sourceDigest(),
                    PluginBuilder.millisSince(begin), List.of(), List.of()), plugin, folder);
            }
        }
        Build build = compiler.compile(plugin, compiler.defaultOptions(), List.copyOf(batch));
        if (!build.succeeded()) {
            return new BuildStep(null, build.errors().stream().map(d -> DiagnosticText.format(folder.toString(), d)).toList());
        }
        if (key != null) {
            cache.putInBackground(key, build);
        }
        batch.add(build);
        return configured(new PluginBuilder.Result(member.name(), build.bundle().orElseThrow(), false, build.sourceDigest(),
            PluginBuilder.millisSince(begin), List.of(), build.diagnostics()), plugin, folder);
    }

    /** A member's build with its configurations (its own, with its site's deployment folder laid over them). */
    private BuildStep configured(PluginBuilder.Result built, dev.graft.compiler.SourcePlugin plugin, java.nio.file.Path folder) {
        PluginBuilder.Result r = PluginBuilder.configured(built, plugin, parts.deploymentOf().apply(folder), folder.toString());
        return r.succeeded() ? new BuildStep(r, null) : new BuildStep(null, r.problems());
    }

    /**
     * Whether a cached dependant was built with the new version of the swapped plugin itself (the
     * first build of the set): the packages a build records are only those it imports, and a type
     * of the swapped plugin can reach it through another member without an import (a supertype of
     * a supertype), so an entry that does not name the new version may not compile against it.
     */
    private static boolean builtWith(CacheEntry entry, List<Build> batch) {
        if (batch.isEmpty()) {
            return true;
        }
        Build root = batch.get(0);
        return entry.compiledAgainst().stream().anyMatch(w -> w.exporter().equals(root.name()) && w.exporterDigest().equals(root.sourceDigest()));
    }

    /** The packages the new builds export, each with its exporter as a build compiled against it records it. */
    private static Map<String, WiredPackage> planned(List<Build> batch) {
        Map<String, WiredPackage> planned = new HashMap<>();
        for (Build b : batch) {
            BundleSummary summary = b.summary().orElseThrow();
            for (String export : summary.exports()) {
                String pkg = export.split(";", 2)[0].trim().replace("~", "");
                planned.putIfAbsent(pkg, new WiredPackage(pkg, b.name(), summary.version(), b.sourceDigest()));
            }
        }
        return planned;
    }

    /** The swapped plugin is a bundle jar (of a site): its new jar, which the dependants are rebuilt against. */
    private BuildStep prebuiltRoot(PluginRecord member, Path jar, List<Build> batch) {
        BuildStep step = prebuilt(member, jar);
        if (step.outcome() != null) {
            if (!step.outcome().name().equals(member.name())) {
                return new BuildStep(null, List.of(jar + " holds bundle " + step.outcome().name() + ", not " + member.name()));
            }
            batch.add(new CachedBuild(member.name(), step.outcome().bundle(), step.outcome().sourceDigest(), List.of()));
        }
        return step;
    }

    /** A dependant that is a prebuilt jar cannot be rebuilt: it is installed again as it is, and must resolve against the new set. */
    private BuildStep prebuilt(PluginRecord member, Path jar) {
        if (!Files.isRegularFile(jar)) {
            return new BuildStep(null, List.of(member.name() + " cannot be rebuilt: " + jar + " is gone"));
        }
        Prepared prepared = PrecompiledJar.read(jar, parts.compiler(), false);
        if (prepared.outcome() == null || !prepared.outcome().succeeded()) {
            return new BuildStep(null, prepared.problems());
        }
        return new BuildStep(prepared.outcome(), null);
    }

    private SwapResult install(PluginRecord old, List<PluginRecord> dependants, List<Member> members, String change, long beginNanos) {
        List<BundleStarter.Request> requests = new ArrayList<>();
        Set<String> locations = new HashSet<>();
        Set<Long> oldIds = new HashSet<>();
        for (Member m : members) {
            String location = parts.registry().newLocation(m.outcome().name(), m.outcome().locationDigest());
            requests.add(new BundleStarter.Request(m.outcome().name(), location, m.outcome().bundle(), m.outcome().configurations()));
            locations.add(location);
            oldIds.add(m.old().bundleId());
        }
        List<BundleStarter.Started> starts;
        try (SetWiring hidden = SetWiring.hide(context, locations, oldIds)) {
            starts = parts.starter().startAll(requests, false, started -> {
            });
        }
        Swap checks = new Swap(context, parts.registry(), parts.starter());
        List<String> problems = new ArrayList<>();
        Set<Integer> stuck = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            BundleStarter.Started started = starts.get(i);
            List<String> own = started.succeeded() ? checks.problemsOfNew(m.outcome().name(), started, m.old()) : started.problems();
            if (own == null) {
                stuck.add(i);
                own = List.of(checks.stuckActivation());
            }
            if (!own.isEmpty()) {
                boolean jar = !Files.isDirectory(m.origin());
                problems.add(m.old().name() + (jar ? " (a prebuilt jar, " + m.origin() + ", that cannot be rebuilt: the new " + old.name()
                    + " does not satisfy it)" : "") + " failed in the new set (" + change + "):");
                own.forEach(p -> problems.add(p.indent(2).stripTrailing()));
            }
        }
        if (!problems.isEmpty()) {
            List<String> names = new ArrayList<>();
            List<Bundle> bundles = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                if (starts.get(i).succeeded() && !stuck.contains(i)) {
                    names.add(members.get(i).old().name());
                    bundles.add(starts.get(i).bundle());
                }
            }
            parts.starter().uninstallAll(names, bundles);
            return failed(old, dependants, problems, beginNanos);
        }
        return retireOldSet(members, starts, beginNanos);
    }

    /** Records the new set, then uninstalls the old one, dependants first, with one refresh; other bundles wired to it are re-wired. */
    private SwapResult retireOldSet(List<Member> members, List<BundleStarter.Started> starts, long beginNanos) {
        List<PluginRecord> now = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            BundleStarter.Started started = starts.get(i);
            PluginRecord r = started.record(m.outcome(), m.origin(), started.bundle().getLocation());
            parts.registry().record(r);
            now.add(r);
        }
        Set<Long> setIds = new HashSet<>();
        members.forEach(m -> setIds.add(m.old().bundleId()));
        starts.forEach(s -> setIds.add(s.bundle().getBundleId()));
        List<Bundle> others = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Bundle> retiring = new ArrayList<>();
        for (int i = members.size() - 1; i >= 0; i--) {
            Member m = members.get(i);
            for (Bundle b : Rewiring.dependents(m.oldBundle(), starts.get(i).bundle())) {
                if (!setIds.contains(b.getBundleId()) && !others.contains(b)) {
                    others.add(b);
                }
            }
            names.add(m.old().name());
            retiring.add(m.oldBundle());
        }
        parts.starter().uninstallAll(names, retiring);
        List<String> rewired = new ArrayList<>();
        for (Bundle other : others) {
            rewired.addAll(Rewiring.describe(List.of(other), starts.get(0).bundle()));
        }
        return new SwapResult(members.get(0).old().name(), true, now.get(0), List.of(), rewired, PluginBuilder.millisSince(beginNanos),
            now.subList(1, now.size()));
    }

    private static SwapResult failed(PluginRecord old, List<PluginRecord> dependants, List<String> problems, long beginNanos) {
        List<String> why = new ArrayList<>(problems);
        why.add("the old versions keep running: " + Dependants.describe(List.of(old)) + (dependants.isEmpty() ? ""
            : ", " + Dependants.describe(dependants)));
        return new SwapResult(old.name(), false, old, why, List.of(), PluginBuilder.millisSince(beginNanos), dependants);
    }
}
