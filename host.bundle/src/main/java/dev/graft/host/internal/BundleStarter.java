package dev.graft.host.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

import dev.graft.host.ComponentState;

/**
 * Installs plugin bundles under fresh locations, starts them and waits for their components. On
 * any failure a plugin's bundle is uninstalled again, so nothing of a failed plugin stays installed. Every
 * bundle it uninstalls is handed to {@link RetiredRevisions} first, so a class loader that
 * outlives its bundle shows.
 */
final class BundleStarter {

    /** Warnings go to the host's log (System.Logger, which an OSGi Log Service or SLF4J may serve), never to the terminal. */
    private static final System.Logger LOG = System.getLogger("dev.graft.host");

    /** A started bundle with its components, or the reasons it was taken out again. */
    record Started(Bundle bundle, List<ComponentState> components, List<String> problems, long millis) {

        boolean succeeded() {
            return problems.isEmpty();
        }
    }

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final RetiredRevisions retired;
    private volatile long componentDeadlineMillis;

    BundleStarter(BundleContext context, ServiceComponentRuntime scr, RetiredRevisions retired, long componentDeadlineMillis) {
        this.context = context;
        this.scr = scr;
        this.retired = retired;
        this.componentDeadlineMillis = componentDeadlineMillis;
    }

    long componentDeadlineMillis() {
        return componentDeadlineMillis;
    }

    void componentDeadlineMillis(long millis) {
        componentDeadlineMillis = millis;
    }

    /** One plugin bundle to install under its fresh location and start. */
    record Request(String name, String location, byte[] jar) {
    }

    Started start(String name, String location, byte[] jar) {
        return startAll(List.of(new Request(name, location, jar))).get(0);
    }

    /**
     * Installs, resolves and starts the bundles of independent plugins together (started in
     * parallel), then waits for all their components at once; each plugin fails alone, and a
     * failed one is uninstalled.
     * Each plugin's time is its own install and start plus the shared wait.
     *
     * @return one result per request, in the order of the requests
     */
    List<Started> startAll(List<Request> requests) {
        List<Bundle> bundles = new ArrayList<>();
        List<List<String>> problems = new ArrayList<>();
        long[] ownNanos = new long[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            long begin = System.nanoTime();
            List<String> own = new ArrayList<>();
            problems.add(own);
            try {
                bundles.add(context.installBundle(requests.get(i).location(), new ByteArrayInputStream(requests.get(i).jar())));
            } catch (BundleException e) {
                bundles.add(null);
                own.add("cannot install: " + e.getMessage());
            }
            ownNanos[i] = System.nanoTime() - begin;
        }
        List<Bundle> installed = bundles.stream().filter(b -> b != null).toList();
        if (installed.size() > 1) {
            context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(installed);
        }
        // independent bundles, resolved together: their activators and components may run at once
        IntStream.range(0, requests.size()).filter(i -> bundles.get(i) != null).parallel().forEach(i -> {
            long begin = System.nanoTime();
            try {
                bundles.get(i).start();
            } catch (BundleException | RuntimeException e) {
                problems.get(i).add(e instanceof BundleException be ? startFailure(be) : "cannot start: " + e);
            }
            ownNanos[i] += System.nanoTime() - begin;
        });
        List<Bundle> started = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (bundles.get(i) != null && problems.get(i).isEmpty()) {
                started.add(bundles.get(i));
            }
        }
        long waitBegin = System.nanoTime();
        Map<Bundle, List<ComponentState>> components = awaitComponents(started, problems, bundles);
        long waitNanos = System.nanoTime() - waitBegin;
        List<Started> results = new ArrayList<>();
        List<Request> failed = new ArrayList<>();
        List<Bundle> failedBundles = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Bundle bundle = bundles.get(i);
            if (bundle != null && !problems.get(i).isEmpty()) {
                failed.add(requests.get(i));
                failedBundles.add(bundle);
            }
            results.add(new Started(bundle, components.getOrDefault(bundle, List.of()), List.copyOf(problems.get(i)),
                (ownNanos[i] + waitNanos) / 1_000_000L));
        }
        uninstallAll(failed.stream().map(Request::name).toList(), failedBundles);
        return results;
    }

    private Map<Bundle, List<ComponentState>> awaitComponents(List<Bundle> started, List<List<String>> problems, List<Bundle> bundles) {
        Map<Bundle, List<ComponentState>> components;
        try {
            components = ComponentStates.awaitAll(scr, started, componentDeadlineMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            for (Bundle b : started) {
                problems.get(bundles.indexOf(b)).add("interrupted while starting");
            }
            return Map.of();
        }
        for (int i = 0; i < bundles.size(); i++) {
            for (ComponentState c : components.getOrDefault(bundles.get(i), List.of())) {
                if (c.failed()) {
                    problems.get(i).add("component " + c.name() + " failed to activate: " + firstLine(c.failure()));
                }
            }
        }
        return components;
    }

    /** Uninstalls a plugin's bundle and refreshes, so that its class loader can go; the loader is watched weakly. */
    void uninstall(String name, Bundle bundle) {
        uninstallAll(List.of(name), List.of(bundle));
    }

    /** Uninstalls the bundles of several plugins, then refreshes once. */
    void uninstallAll(List<String> names, List<Bundle> bundles) {
        if (bundles.isEmpty()) {
            return;
        }
        for (int i = 0; i < bundles.size(); i++) {
            Bundle bundle = bundles.get(i);
            retired.retiring(names.get(i), bundle);
            try {
                if (bundle.getState() != Bundle.UNINSTALLED) {
                    bundle.uninstall();
                }
            } catch (BundleException | IllegalStateException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot uninstall " + bundle.getLocation() + ": " + e.getMessage(), e);
            }
        }
        refresh(bundles);
    }

    void refresh(List<Bundle> bundles) {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(bundles, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            done.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String startFailure(BundleException e) {
        if (e.getType() == BundleException.RESOLVE_ERROR) {
            return "cannot resolve: " + e.getMessage();
        }
        if (e.getType() == BundleException.ACTIVATOR_ERROR) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return "its activator threw " + cause;
        }
        return "cannot start: " + e.getMessage();
    }

    List<ComponentState> components(Bundle bundle) {
        return ComponentStates.of(scr, bundle);
    }

    static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
