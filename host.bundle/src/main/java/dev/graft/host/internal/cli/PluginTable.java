package dev.graft.host.internal.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import dev.graft.host.ComponentState;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginState;
import dev.graft.host.RetiredRevision;

/** Prints plugin records as a table, the problems of those that did not load below it, and pinned retired versions. */
final class PluginTable {

    private PluginTable() {
    }

    /** Prints the table in one write: a line at a time costs a system call per line on an unbuffered console. */
    static void print(List<PluginRecord> records, PrintStream out) {
        print(records, out, false);
    }

    /** Prints the table; {@code verbose} adds the stacks of the threads that were stuck in a plugin's start. */
    static void print(List<PluginRecord> records, PrintStream out, boolean verbose) {
        StringWriter text = new StringWriter();
        write(records, new PrintWriter(text), verbose);
        out.print(text);
        out.flush();
    }

    private static void write(List<PluginRecord> records, PrintWriter out, boolean verbose) {
        out.printf("%-24s %-10s %-8s %6s %-11s %-10s %7s%n", "PLUGIN", "VERSION", "STATE", "BUNDLE", "COMPONENTS", "BUILD", "MS");
        for (PluginRecord r : records) {
            long active = r.components().stream().filter(c -> c.state().equals("active") || c.state().equals("satisfied")).count();
            out.printf("%-24s %-10s %-8s %6s %-11s %-10s %7d%n", r.name(), r.version().isEmpty() ? "-" : r.version(),
                r.state().name().toLowerCase(java.util.Locale.ROOT), r.bundleId() < 0 ? "-" : Long.toString(r.bundleId()),
                r.components().isEmpty() ? "-" : active + "/" + r.components().size(),
                r.state() != PluginState.ACTIVE ? "-" : r.fromCache() ? "cache" : r.origin().endsWith(".jar") ? "jar" : "compiled", r.buildMillis() + r.startMillis());
        }
        for (PluginRecord r : records) {
            for (ComponentState c : r.components()) {
                if (!c.state().equals("active") && !c.state().equals("satisfied")) {
                    out.println(r.name() + ": component " + c.name() + (c.waiting() ? " waits for " + c.waitingFor() : " is " + c.state())
                        + (c.failure().isEmpty() ? "" : ": " + c.failure()));
                }
            }
            if (!r.problems().isEmpty()) {
                out.println();
                out.println(r.name() + " " + r.state().name().toLowerCase(java.util.Locale.ROOT) + ":");
                r.problems().forEach(p -> out.println(p.indent(2).stripTrailing()));
            }
            if (verbose) {
                r.stuckThreads().forEach(stack -> out.println(("stuck thread " + stack).indent(2).stripTrailing()));
            }
        }
    }

    /** One line per retired plugin version whose class loader is still reachable; nothing when there is none. */
    static void printPinned(List<RetiredRevision> pinned, PrintStream out) {
        for (RetiredRevision r : pinned) {
            out.println("pinned: " + r.name() + " (retired bundle " + r.bundleId() + ", " + r.location() + ", retired "
                + r.retiredMillisAgo() + " ms ago): something still holds its class loader, a thread it started for example");
        }
    }
}
