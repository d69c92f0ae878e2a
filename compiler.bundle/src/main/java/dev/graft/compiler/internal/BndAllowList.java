package dev.graft.compiler.internal;

import java.util.Set;

/**
 * What a plugin's bnd files may use: the bnd macros that only compute on text, lists and
 * versions, and the instructions that shape the bundle from the plugin's own classes and files.
 * Everything else bnd knows (commands, files, the environment, the network, plugins, repositories,
 * clocks) is refused, including what a later bnd version adds.
 */
final class BndAllowList {

    /** Macros of bnd's table a plugin may use. */
    static final Set<String> MACROS = Set.of(
        // lists
        "uniq", "removeall", "retainall", "filter", "select", "filterout", "reject", "sort", "nsort", "join", "sjoin",
        "list", "first", "last", "get", "sublist", "reverse", "split", "indexof", "lastindexof", "length",
        "max", "min", "nmax", "nmin", "sum", "average", "map", "foreach", "apply",
        // text
        "if", "def", "replace", "replacelist", "replacestring", "subst", "trim", "toupper", "tolower", "format",
        "startswith", "endswith", "substring", "find", "findlast", "matches", "compare", "ncompare", "isempty",
        "isnumber", "is", "glob", "unescape", "stem", "extension", "basenameext", "toclassname", "toclasspath", "bytes",
        "long2date", "warning", "error",
        // versions
        "version", "versionmask", "range", "vcompare", "vmax", "vmin", "version_cleanup", "bndversion");

    /** Instructions (headers starting with '-') a plugin may use. */
    static final Set<String> INSTRUCTIONS = Set.of(
        "-exportcontents", "-privatepackage", "-includepackage", "-conditionalpackage", "-includeresource", "-include",
        "-dsannotations", "-dsannotations-options", "-metatypeannotations", "-metatypeannotations-options",
        "-bundleannotations", "-noimportjava", "-nouses", "-nodefaultversion", "-noclassforname", "-removeheaders",
        "-fixupmessages", "-failok", "-donotcopy", "-namesection", "-contract", "-define-contract", "-resourceonly",
        "-noextraheaders", "-reproducible", "-pedantic", "-noee", "-snapshot");

    private BndAllowList() {
    }

    /**
     * @param instruction a header name starting with '-', possibly with a '.suffix' (merged properties)
     * @return whether a plugin may use it
     */
    static boolean instructionAllowed(String instruction) {
        String base = instruction;
        int dot = base.indexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        return INSTRUCTIONS.contains(base);
    }
}
