package dev.graft.test;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.Diagnostic.Severity;

/** Assertions on the diagnostics of a build or a check. */
public final class BuildAssert {

    private final String subject;
    private final List<Diagnostic> diagnostics;
    private final Optional<Boolean> hasBundle;

    BuildAssert(String subject, List<Diagnostic> diagnostics, Optional<Boolean> hasBundle) {
        this.subject = subject;
        this.diagnostics = List.copyOf(diagnostics);
        this.hasBundle = hasBundle;
    }

    /**
     * Passes when there is no error diagnostic (warnings are allowed) and, for a build, it made a
     * bundle.
     *
     * @return this
     */
    public BuildAssert hasNoErrors() {
        List<Diagnostic> errors = of(Severity.ERROR);
        if (!errors.isEmpty()) {
            throw new AssertionError("expected the " + subject + " to have no errors, but it has " + errors.size() + ":"
                + describe(errors));
        }
        if (hasBundle.isPresent() && !hasBundle.get()) {
            throw new AssertionError("the " + subject + " has no errors, yet it made no bundle");
        }
        return this;
    }

    /**
     * Passes when there is no diagnostic at all.
     *
     * @return this
     */
    public BuildAssert hasNoDiagnostics() {
        if (!diagnostics.isEmpty()) {
            throw new AssertionError("expected the " + subject + " to have no diagnostics, but it has " + diagnostics.size() + ":"
                + describe(diagnostics));
        }
        return this;
    }

    /**
     * Passes when there is at least one error; narrow it down with the returned assertion.
     *
     * @return assertions on the errors
     */
    public DiagnosticAssert hasError() {
        DiagnosticAssert errors = some(Severity.ERROR, "an error");
        noBundle();
        return errors;
    }

    /**
     * Passes when there is exactly one error; narrow it down with the returned assertion.
     *
     * @return assertions on that error
     */
    public DiagnosticAssert hasSingleError() {
        List<Diagnostic> errors = of(Severity.ERROR);
        if (errors.size() != 1) {
            throw new AssertionError("expected the " + subject + " to have exactly one error, but it has " + errors.size()
                + (diagnostics.isEmpty() ? "" : ":" + describe(diagnostics)));
        }
        noBundle();
        return new DiagnosticAssert(subject, "an error", errors, errors);
    }

    private void noBundle() {
        if (hasBundle.isPresent() && hasBundle.get()) {
            throw new AssertionError("the " + subject + " has errors, yet it made a bundle:" + describe(diagnostics));
        }
    }

    /**
     * Passes when there is at least one warning; narrow it down with the returned assertion.
     *
     * @return assertions on the warnings
     */
    public DiagnosticAssert hasWarning() {
        return some(Severity.WARNING, "a warning");
    }

    private DiagnosticAssert some(Severity severity, String what) {
        List<Diagnostic> matching = of(severity);
        if (matching.isEmpty()) {
            throw new AssertionError("expected the " + subject + " to have " + what + ", but it has "
                + (diagnostics.isEmpty() ? "no diagnostics" : "only:" + describe(diagnostics)));
        }
        return new DiagnosticAssert(subject, what, matching, matching);
    }

    private List<Diagnostic> of(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).toList();
    }

    /** The diagnostics one a line, as javac prints them, each followed by its source line. */
    static String describe(List<Diagnostic> diagnostics) {
        return diagnostics.stream()
            .map(d -> "\n  " + d + (d.sourceLine().isEmpty() ? "" : "\n      " + d.sourceLine().strip()))
            .collect(Collectors.joining());
    }
}
