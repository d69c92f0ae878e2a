package dev.graft.compiler;

import java.util.List;

/**
 * The result of checking a source plugin: compiled and analysed, nothing produced or installed.
 *
 * @param name the plugin's name
 * @param diagnostics every problem found, including one error per import that nothing in the
 *        running framework exports (naming the package and the class that needs it)
 * @param resolvable whether the bundle would resolve in the running framework
 */
public record CheckResult(String name, List<Diagnostic> diagnostics, boolean resolvable) {

    public CheckResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** @return whether the check found no error */
    public boolean ok() {
        return resolvable && diagnostics.stream().noneMatch(Diagnostic::isError);
    }
}
