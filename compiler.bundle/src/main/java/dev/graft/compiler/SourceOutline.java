package dev.graft.compiler;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a source plugin declares and refers to, found by ECJ's scanner in its sources and by bnd in
 * its {@code bnd.bnd}, without compiling: enough to order plugins by what they need of each other.
 * Comments, string literals and text blocks never count; Unicode escapes are decoded.
 *
 * @param ownPackages the packages its sources declare ({@code ""} for the default package)
 * @param exports the packages it exports: bnd.bnd {@code Export-Package} and {@code -exportcontents}
 *        (wildcards matched against its own packages), and packages whose {@code package-info.java}
 *        carries {@code @Export}
 * @param imports the packages its import statements (single, on-demand and static) name, other than
 *        its own, each with the first file that imports it
 * @param qualifiedNames dotted names written in code and annotations outside import statements
 *        ({@code pong.api.Pong}, {@code a.b.field}), each with the first file that writes it;
 *        which leading part of such a name is a package is known only against the packages that
 *        are exported, so a consumer matches the prefixes of each name
 */
public record SourceOutline(Set<String> ownPackages, Set<String> exports, Map<String, String> imports, Map<String, String> qualifiedNames) {

    /** The outline of a plugin without sources. */
    public static final SourceOutline EMPTY = new SourceOutline(Set.of(), Set.of(), Map.of(), Map.of());

    /** Copies the collections into unmodifiable ones; sets sorted, maps in the order given. */
    public SourceOutline {
        ownPackages = Collections.unmodifiableSet(new TreeSet<>(ownPackages));
        exports = Collections.unmodifiableSet(new TreeSet<>(exports));
        imports = Collections.unmodifiableMap(new LinkedHashMap<>(imports));
        qualifiedNames = Collections.unmodifiableMap(new LinkedHashMap<>(qualifiedNames));
    }
}
