package dev.graft.host.internal.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.graft.compiler.SourceOutline;

/** Plugins as the scanner would find them, made from their outlines, for tests of the plan. */
final class SiteFixture {

    private final List<SiteScanner.Found> found = new ArrayList<>();

    /** A plugin of one package whose one class imports the given packages and that exports the given ones. */
    SiteFixture plugin(String name, String pkg, String[] exports, String... imports) {
        Map<String, String> imported = new LinkedHashMap<>();
        for (String i : imports) {
            imported.put(i, "src/" + pkg.replace('.', '/') + "/Api.java");
        }
        return plugin(name, new SourceOutline(Set.of(pkg), Set.of(exports), imported, Map.of()));
    }

    /** A plugin of one package that writes the given fully qualified names, without imports. */
    SiteFixture qualified(String name, String pkg, String[] exports, String... qualifiedNames) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String n : qualifiedNames) {
            names.put(n, "src/" + pkg.replace('.', '/') + "/Api.java");
        }
        return plugin(name, new SourceOutline(Set.of(pkg), Set.of(exports), Map.of(), names));
    }

    SiteFixture plugin(String name, SourceOutline outline) {
        found.add(new SiteScanner.Found(new SiteScanner.Read(name, Path.of("site", name), Optional.empty(), outline, Optional.empty()),
            List.of()));
        return this;
    }

    SiteScanner.Result scan() {
        return new SiteScanner.Result(found, List.of());
    }

    static String[] exports(String... packages) {
        return packages;
    }
}
