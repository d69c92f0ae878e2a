package dev.graft.host.internal.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import dev.graft.compiler.SourceOutline;
import dev.graft.host.FoundPlugin;
import dev.graft.host.LoadPlan;
import dev.graft.host.internal.output.DiagnosticText;

/**
 * Orders plugins so that each loads after the plugins whose packages it uses: the packages its
 * import statements name, and the exported packages that prefix a fully qualified name in its
 * code. A prebuilt bundle (a jar of a site, or given with {@code --jar}) takes part like a plugin:
 * its Export-Package are its exports, its required Import-Package its imports. A package that an import names and neither a plugin nor an installed bundle exports, and a
 * cycle, block the plugins concerned; the problem names the chain. A folder that cannot be read is
 * planned without content (loading it fails with the reader's diagnostic).
 * A package that two plugins declare (a split package) is named as such.
 */
public final class LoadOrder {

    private final Map<String, SiteScanner.Found> byName = new LinkedHashMap<>();
    private final Map<String, String> exporterOf = new HashMap<>();
    private final Map<String, Set<String>> dependencies = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> blocked = new LinkedHashMap<>();

    private LoadOrder(SiteScanner.Result scan) {
        problems.addAll(scan.problems());
        Map<String, List<String>> declaredBy = new TreeMap<>();
        for (SiteScanner.Found f : scan.plugins()) {
            byName.put(f.source().name(), f);
            f.source().readProblem().ifPresent(d -> problems.add(DiagnosticText.format(f.source().folder().toString(), d)));
            for (String pkg : f.source().outline().ownPackages()) {
                declaredBy.computeIfAbsent(pkg, p -> new ArrayList<>()).add(f.source().name());
            }
            for (String pkg : f.source().outline().exports()) {
                String previous = exporterOf.putIfAbsent(pkg, f.source().name());
                if (previous != null) {
                    problems.add("package " + pkg + " is exported by both " + previous + " and " + f.source().name()
                        + "; " + previous + " provides it");
                }
            }
        }
        declaredBy.forEach((pkg, names) -> {
            if (names.size() > 1 && !pkg.isEmpty()) {
                problems.add("split package " + pkg + ": declared by " + declarers(names) + "; a package belongs to one plugin");
            }
        });
    }

    /** "both a and b", "a, b, c and 7 others": a site of many copies gives one readable line. */
    static String declarers(List<String> names) {
        if (names.size() == 2) {
            return "both " + names.get(0) + " and " + names.get(1);
        }
        int shown = Math.min(names.size() - 1, 3);
        int rest = names.size() - shown;
        return String.join(", ", names.subList(0, shown)) + " and " + (rest == 1 ? names.get(shown) : rest + " others");
    }

    /**
     * @param scan the plugins found in the sites
     * @param installed whether an installed bundle (or the JDK) exports a package
     * @return the plan
     */
    public static LoadPlan plan(SiteScanner.Result scan, Predicate<String> installed) {
        LoadOrder order = new LoadOrder(scan);
        order.findDependencies(installed);
        return order.sort();
    }

    private void findDependencies(Predicate<String> installed) {
        for (SiteScanner.Found f : byName.values()) {
            Set<String> deps = new TreeSet<>();
            SourceOutline outline = f.source().outline();
            outline.qualifiedNames().keySet().forEach(name -> providerOfPrefix(name, outline).ifPresent(deps::add));
            deps.remove(f.source().name());
            outline.imports().forEach((pkg, file) -> {
                String provider = exporterOf.get(pkg);
                if (provider != null && !provider.equals(f.source().name())) {
                    deps.add(provider);
                } else if (provider == null && !pkg.startsWith("java.") && !installed.test(pkg)) {
                    String problem = f.source().name() + " -> package " + pkg + " (imported by " + file
                        + "): no plugin and no installed bundle exports it";
                    problems.add(problem);
                    blocked.putIfAbsent(f.source().name(), problem);
                }
            });
            dependencies.put(f.source().name(), deps);
        }
    }

    /** The plugin, other than the one writing it, that exports the longest package prefixing a fully qualified name. */
    private Optional<String> providerOfPrefix(String qualifiedName, SourceOutline outline) {
        for (int dot = qualifiedName.lastIndexOf('.'); dot > 0; dot = qualifiedName.lastIndexOf('.', dot - 1)) {
            String prefix = qualifiedName.substring(0, dot);
            if (outline.ownPackages().contains(prefix)) {
                return Optional.empty();
            }
            String provider = exporterOf.get(prefix);
            if (provider != null) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }

    private LoadPlan sort() {
        List<String> ordered = new ArrayList<>();
        Map<String, Integer> mark = new HashMap<>();
        for (String name : byName.keySet()) {
            visit(name, mark, new ArrayList<>(), ordered);
        }
        // a plugin that depends on a blocked one is blocked too, with the chain named
        for (String name : ordered) {
            for (String dep : dependencies.get(name)) {
                if (blocked.containsKey(dep) && !blocked.containsKey(name)) {
                    String problem = name + " -> " + dep + ": " + dep + " cannot load, so " + name + " is skipped";
                    problems.add(problem);
                    blocked.put(name, problem);
                }
            }
        }
        List<FoundPlugin> plugins = new ArrayList<>();
        for (String name : ordered) {
            SiteScanner.Found f = byName.get(name);
            plugins.add(new FoundPlugin(name, f.source().folder(), f.shadowed(), List.copyOf(f.source().outline().exports()),
                List.copyOf(dependencies.get(name)), f.source().plugin(), f.source().prebuilt()));
        }
        return new LoadPlan(plugins, problems, blocked);
    }

    private void visit(String name, Map<String, Integer> mark, List<String> path, List<String> ordered) {
        Integer state = mark.get(name);
        if (state != null && state == 2) {
            return;
        }
        if (state != null && state == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            String problem = "cycle: " + String.join(" -> ", cycle);
            problems.add(problem);
            cycle.forEach(member -> blocked.putIfAbsent(member, problem));
            return;
        }
        mark.put(name, 1);
        path.add(name);
        for (String dep : dependencies.get(name)) {
            visit(dep, mark, path, ordered);
        }
        path.remove(path.size() - 1);
        mark.put(name, 2);
        ordered.add(name);
    }
}
