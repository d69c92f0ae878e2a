package dev.graft.host.internal.start;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

import dev.graft.host.ComponentState;

/**
 * Waits for started plugin bundles, each on its own: a start that has not returned by the start
 * deadline is stuck, and its bundle is abandoned; then the bundle's components are read until the
 * {@link Readiness} rule finds them settled, or the component deadline passes. Each plugin is handed
 * on as soon as it is settled, with its own time.
 */
final class Settling {

    /** One plugin's start, followed until it settles. */
    static final class Attempt {
        final String name;
        final Bundle bundle;
        final List<String> problems = new ArrayList<>();
        private final long beginNanos;
        private final long earlierMillis;
        private final List<String> stuckThreads = new ArrayList<>();
        TimedTask start;
        private long settlingFrom;
        private boolean stuck;
        private boolean deferred;
        private List<ComponentState> components = List.of();
        private List<String> pending = List.of();

        Attempt(String name, Bundle bundle, long beginNanos) {
            this(name, bundle, beginNanos, 0);
        }

        private Attempt(String name, Bundle bundle, long beginNanos, long earlierMillis) {
            this.name = name;
            this.bundle = bundle;
            this.beginNanos = beginNanos;
            this.earlierMillis = earlierMillis;
        }

        /** A deferred plugin, waited for again from now; its time goes on from what it had. */
        static Attempt again(BundleStarter.Started started) {
            Attempt a = new Attempt(started.name(), started.bundle(), System.nanoTime(), started.millis());
            a.settlingFrom = a.beginNanos;
            return a;
        }

        private BundleStarter.Started result() {
            long millis = earlierMillis + (System.nanoTime() - beginNanos) / 1_000_000L;
            return new BundleStarter.Started(name, bundle, components, List.copyOf(problems), millis, pending, deferred,
                List.copyOf(stuckThreads));
        }
    }

    private final ServiceComponentRuntime scr;
    private final Predicate<ComponentStates.Wanted> provided;
    private final boolean laterWaves;
    private final long componentDeadlineNanos;
    private final long startDeadlineNanos;
    private final BiConsumer<String, Bundle> uninstall;
    private final Consumer<BundleStarter.Started> onSettled;

    Settling(ServiceComponentRuntime scr, Predicate<ComponentStates.Wanted> provided, boolean laterWaves, long componentDeadlineMillis,
        long startDeadlineMillis, BiConsumer<String, Bundle> uninstall, Consumer<BundleStarter.Started> onSettled) {
        this.scr = scr;
        this.provided = provided;
        this.laterWaves = laterWaves;
        this.componentDeadlineNanos = componentDeadlineMillis * 1_000_000L;
        this.startDeadlineNanos = startDeadlineMillis * 1_000_000L;
        this.uninstall = uninstall;
        this.onSettled = onSettled;
    }

    /** @return one result per attempt, in their order, once every one is settled */
    List<BundleStarter.Started> await(List<Attempt> attempts) {
        BundleStarter.Started[] results = new BundleStarter.Started[attempts.size()];
        List<Integer> waiting = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            waiting.add(i);
        }
        long pause = 1;
        while (true) {
            for (Iterator<Integer> it = waiting.iterator(); it.hasNext();) {
                int i = it.next();
                if (settled(attempts.get(i))) {
                    results[i] = finish(attempts.get(i));
                    it.remove();
                }
            }
            if (waiting.isEmpty()) {
                return List.of(results);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                for (int i : waiting) {
                    attempts.get(i).problems.add("interrupted while starting");
                    results[i] = finish(attempts.get(i));
                }
                return List.of(results);
            }
            pause = Math.min(pause * 2, 20);
        }
    }

    private boolean settled(Attempt a) {
        if (a.bundle == null || !a.problems.isEmpty()) {
            return true;
        }
        long now = System.nanoTime();
        if (a.settlingFrom == 0) {
            if (!a.start.finished()) {
                if (now - a.beginNanos <= startDeadlineNanos) {
                    return false;
                }
                a.stuck = true;
                a.stuckThreads.add(a.start.stack());
                a.problems.add("stuck: its start has not returned after " + startDeadlineNanos / 1_000_000L
                    + " ms (startDeadlineMillis); its bundle is abandoned, and uninstalled once the start returns");
                return true;
            }
            a.settlingFrom = a.start.endNanos();
            if (a.start.failure() != null) {
                a.problems.add(startFailure(a.start.failure()));
                return true;
            }
        }
        List<ComponentStates.Reading> readings = ComponentStates.read(scr, a.bundle);
        List<Readiness.Verdict> verdicts = readings.stream().map(r -> Readiness.of(r, provided, laterWaves)).toList();
        a.components = readings.stream().map(ComponentStates.Reading::state).toList();
        Readiness.Verdict verdict = Readiness.ofPlugin(verdicts, declaredComponentFiles(a.bundle));
        if (verdict == Readiness.Verdict.FAILED) {
            for (ComponentState c : a.components) {
                if (c.failed()) {
                    a.problems.add("component " + c.name() + " failed to activate: " + BundleStarter.firstLine(c.failure()));
                }
            }
            return true;
        }
        a.deferred = verdict == Readiness.Verdict.DEFERRED;
        if (verdict != Readiness.Verdict.PENDING) {
            return true;
        }
        if (now - a.settlingFrom <= componentDeadlineNanos) {
            return false;
        }
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            if (verdicts.get(i) == Readiness.Verdict.PENDING) {
                pending.add(a.components.get(i).name());
            }
        }
        a.pending = List.copyOf(pending);
        return true;
    }

    /** Takes a failed plugin's bundle out (once its start returned, for a stuck one) and hands the result on. */
    private BundleStarter.Started finish(Attempt a) {
        if (!a.problems.isEmpty() && a.bundle != null) {
            if (a.stuck) {
                a.start.abandon(() -> uninstall.accept(a.name, a.bundle));
            } else {
                uninstall.accept(a.name, a.bundle);
            }
        }
        BundleStarter.Started started = a.result();
        onSettled.accept(started);
        return started;
    }

    private static int declaredComponentFiles(Bundle bundle) {
        String header = bundle.getHeaders("").get("Service-Component");
        if (header == null || header.isBlank()) {
            return 0;
        }
        return header.split(",").length;
    }

    private static String startFailure(Throwable t) {
        if (t instanceof BundleException e) {
            if (e.getType() == BundleException.RESOLVE_ERROR) {
                return "cannot resolve: " + e.getMessage();
            }
            if (e.getType() == BundleException.ACTIVATOR_ERROR) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return "its activator threw " + cause;
            }
            return "cannot start: " + e.getMessage();
        }
        return "cannot start: " + t;
    }
}
