package dev.graft.launch;

import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Who called {@code System.exit} or {@code Runtime.exit} when the process is ending, found from
 * a shutdown hook: the exiting thread waits inside {@code java.lang.Shutdown.exit} while the hooks
 * run, so its stack shows the caller. Graft refuses such calls when it compiles a plugin; this
 * catches the ones it cannot see, reached through reflection or a library. {@code Runtime.halt}
 * runs no hooks, so nothing can catch it.
 */
final class PluginExit {

    /** Exit code of a process that a plugin tried to end: not the plugin's own code, which would pass for Graft's. */
    static final int EXIT_PLUGIN_EXIT = 4;

    private static final String SOURCE_DIGEST_HEADER = "Graft-Source-Digest";

    private PluginExit() {
    }

    /**
     * @param context the framework's context
     * @return the plugin whose code is on the stack of the thread ending the process, with the
     *     frame that called, for example {@code quitter (bundle 12) at com.acme.Quit.start(Quit.java:9)};
     *     empty when the process is ending for another reason (a signal, the launcher itself)
     */
    static Optional<String> caller(BundleContext context) {
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            StackTraceElement[] stack = e.getValue();
            int exit = exitFrame(stack);
            if (exit < 0) {
                continue;
            }
            for (int i = exit + 1; i < stack.length; i++) {
                Optional<Bundle> plugin = plugin(context, stack[i].getClassName());
                if (plugin.isPresent()) {
                    Bundle b = plugin.get();
                    return Optional.of(b.getSymbolicName() + " (bundle " + b.getBundleId() + ") at " + stack[i]
                        + " on thread " + e.getKey().getName());
                }
            }
        }
        return Optional.empty();
    }

    private static int exitFrame(StackTraceElement[] stack) {
        for (int i = 0; i < stack.length; i++) {
            if (stack[i].getClassName().equals("java.lang.Shutdown") && stack[i].getMethodName().equals("exit")) {
                return i;
            }
        }
        return -1;
    }

    /** The source plugin bundle that holds a class, by the class file's entry. */
    private static Optional<Bundle> plugin(BundleContext context, String className) {
        String name = className;
        int lambda = name.indexOf("$$Lambda");
        if (lambda > 0) {
            name = name.substring(0, lambda);
        }
        String entry = name.replace('.', '/') + ".class";
        try {
            for (Bundle b : context.getBundles()) {
                if (b.getHeaders("").get(SOURCE_DIGEST_HEADER) != null && b.getEntry(entry) != null) {
                    return Optional.of(b);
                }
            }
        } catch (IllegalStateException stopped) {
            // the framework stopped meanwhile: no bundle to name
        }
        return Optional.empty();
    }
}
