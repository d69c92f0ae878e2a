package dev.graft.host.internal.start;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

import dev.graft.compiler.PluginConfiguration;
import dev.graft.host.ComponentState;
import dev.graft.host.PluginRecord;
import dev.graft.host.internal.build.PluginBuilder;
import dev.graft.host.internal.build.PluginRecords;

/**
 * Installs plugin bundles under fresh locations, starts each on a thread of its own and waits for
 * it with {@link Settling}. On any failure a plugin's bundle is uninstalled again, so nothing of a
 * failed plugin stays installed; a bundle whose start is stuck is abandoned and uninstalled once
 * its start returns. Every bundle it uninstalls is handed to {@link RetiredRevisions} first, so a
 * class loader that outlives its bundle shows.
 */
public final class BundleStarter {


    /**
     * A started bundle with its components, or the reasons it was taken out again.
     *
     * @param millis its own install, start and wait for its components
     * @param pending the components still pending when the component deadline passed
     * @param deferred whether it waits for a service that a later wave of the load may provide
     * @param stuckThreads the stacks of its calls stuck past the start deadline
     */
    public record Started(String name, Bundle bundle, List<ComponentState> components, List<String> problems, long millis,
        List<String> pending, boolean deferred, List<String> stuckThreads) {

        public boolean succeeded() {
            return problems.isEmpty();
        }

        /**
         * The plugin's record after this start.
         *
         * @param built the build that was started
         * @param origin the folder or jar it came from
         * @param location the location it was installed under
         * @return active with its bundle when the start succeeded, else failed with the start's problems
         */
        public PluginRecord record(PluginBuilder.Result built, Path origin, String location) {
            return PluginRecords.started(built, origin, location, bundle, millis, components, problems, stuckThreads);
        }
    }

    /**
     * One plugin bundle to install under its fresh location and start.
     *
     * @param configurations its checked configurations, bound to the location before the install
     */
    public record Request(String name, String location, byte[] jar, List<PluginConfiguration> configurations) {

        public Request(String name, String location, byte[] jar) {
            this(name, location, jar, List.of());
        }
    }

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final RetiredRevisions retired;
    /** Warnings go to the host's log, never to the terminal. */
    private final System.Logger log;
    /** The gate of the Servlet Whiteboard while one runs, else {@link RequestGate#OPEN}. */
    private final java.util.function.Supplier<RequestGate> gate;
    private final ConfigurationBinding configurations;
    private volatile long componentDeadlineMillis;
    private volatile long startDeadlineMillis;

    public BundleStarter(BundleContext context, ServiceComponentRuntime scr, RetiredRevisions retired, System.Logger log,
        java.util.function.Supplier<RequestGate> gate, ConfigurationBinding configurations, long componentDeadlineMillis,
        long startDeadlineMillis) {
        this.context = context;
        this.log = log;
        this.gate = gate;
        this.configurations = configurations;
        this.scr = scr;
        this.retired = retired;
        this.componentDeadlineMillis = componentDeadlineMillis;
        this.startDeadlineMillis = startDeadlineMillis;
    }

    public long componentDeadlineMillis() {
        return componentDeadlineMillis;
    }

    public long startDeadlineMillis() {
        return startDeadlineMillis;
    }

    public void deadlines(long componentMillis, long startMillis) {
        componentDeadlineMillis = componentMillis;
        startDeadlineMillis = startMillis;
    }

    public Started start(String name, String location, byte[] jar, List<PluginConfiguration> configs) {
        return startAll(List.of(new Request(name, location, jar, configs)), false, s -> {
        }).get(0);
    }

    /**
     * Gives a running plugin new configurations, without a new bundle: Configuration Admin tells
     * its components (DS modifies or reactivates them).
     *
     * @throws java.io.IOException when they cannot be applied; the old ones then stay
     */
    public void reconfigure(String location, List<PluginConfiguration> configs) throws java.io.IOException {
        configurations.bind(location, configs);
    }

    /**
     * Installs and resolves the bundles of independent plugins together, starts each on a thread
     * of its own, and waits for each until it is settled ({@link Readiness}); each plugin fails
     * alone, a failed one is uninstalled, and one is handed to {@code onSettled} as soon as it is
     * settled, while the others are still waited for.
     *
     * @param laterWaves whether plugins of the load are still to come, which may provide a service
     *        that none provides now
     * @return one result per request, in the order of the requests
     */
    public List<Started> startAll(List<Request> requests, boolean laterWaves, Consumer<Started> onSettled) {
        try (Wakeup wakeup = Wakeup.listening(context)) {
            return startAll(requests, laterWaves, onSettled, wakeup);
        }
    }

    private List<Started> startAll(List<Request> requests, boolean laterWaves, Consumer<Started> onSettled, Wakeup wakeup) {
        List<Settling.Attempt> attempts = new ArrayList<>();
        List<Bundle> installed = new ArrayList<>();
        for (Request r : requests) {
            long begin = System.nanoTime();
            Settling.Attempt attempt;
            try {
                configurations.bind(r.location(), r.configurations());
            } catch (java.io.IOException | RuntimeException e) {
                configurations.release(r.location());
                attempt = new Settling.Attempt(r.name(), null, begin);
                attempt.problems.add("cannot apply its configuration: " + e.getMessage());
                attempts.add(attempt);
                continue;
            }
            try {
                Bundle bundle = context.installBundle(r.location(), new ByteArrayInputStream(r.jar()));
                installed.add(bundle);
                attempt = new Settling.Attempt(r.name(), bundle, begin);
            } catch (BundleException e) {
                configurations.release(r.location());
                attempt = new Settling.Attempt(r.name(), null, begin);
                attempt.problems.add("cannot install: " + e.getMessage());
            }
            attempts.add(attempt);
        }
        if (installed.size() > 1) {
            context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(installed);
        }
        // independent bundles, resolved together: their activators and components may run at once
        for (Settling.Attempt a : attempts) {
            if (a.bundle != null) {
                a.start = TimedTask.start("graft-start " + a.name, a.bundle::start, () -> wakeup.changed(a.bundle));
            }
        }
        return settling(laterWaves, onSettled, wakeup).await(attempts);
    }

    /** Waits again for plugins that waited for a service a later wave might provide, now that every wave is installed. */
    public List<Started> settleDeferred(List<Started> deferred, Consumer<Started> onSettled) {
        try (Wakeup wakeup = Wakeup.listening(context)) {
            return settling(false, onSettled, wakeup).await(deferred.stream().map(Settling.Attempt::again).toList());
        }
    }

    private Settling settling(boolean laterWaves, Consumer<Started> onSettled, Wakeup wakeup) {
        return new Settling(scr, new ServiceSupply(context), laterWaves, componentDeadlineMillis, startDeadlineMillis, this::uninstall,
            onSettled, wakeup);
    }

    /** Uninstalls a plugin's bundle and refreshes, so that its class loader can go; the loader is watched weakly. */
    public void uninstall(String name, Bundle bundle) {
        uninstallAll(List.of(name), List.of(bundle));
    }

    /**
     * Uninstalls the bundles of several plugins, then refreshes once. This is the clean-up of a
     * failed or abandoned start too, so it runs on an interrupted thread as well (a site whose
     * configuration goes interrupts its watcher mid-swap): the framework refuses to lock a bundle
     * for a thread whose interrupt flag is set, so the flag is cleared meanwhile and set again after.
     * When one of them serves in a Servlet Whiteboard, the whiteboard's requests are held back
     * meanwhile ({@link RequestGate}).
     */
    public void uninstallAll(List<String> names, List<Bundle> bundles) {
        if (bundles.isEmpty()) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        try {
            if (bundles.stream().anyMatch(RequestGate::serves)) {
                gate.get().closedWhile(() -> uninstallEach(names, bundles));
            } else {
                uninstallEach(names, bundles);
            }
            refresh(bundles);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void uninstallEach(List<String> names, List<Bundle> bundles) {
        for (int i = 0; i < bundles.size(); i++) {
            Bundle bundle = bundles.get(i);
            retired.retiring(names.get(i), bundle);
            try {
                if (bundle.getState() != Bundle.UNINSTALLED) {
                    bundle.uninstall();
                }
            } catch (BundleException | IllegalStateException e) {
                log.log(System.Logger.Level.WARNING, "cannot uninstall " + bundle.getLocation() + ": " + e.getMessage(), e);
            }
            configurations.release(bundle.getLocation());
        }
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

    public List<ComponentState> components(Bundle bundle) {
        return ComponentStates.of(scr, bundle);
    }

    public static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
