package dev.graft.host.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

import dev.graft.host.ComponentState;

/**
 * Installs a plugin bundle under a fresh location, starts it and waits for its components. On any
 * failure the bundle is uninstalled again, so nothing of a failed plugin stays installed. Every
 * bundle it uninstalls is handed to {@link RetiredRevisions} first, so a class loader that
 * outlives its bundle shows.
 */
final class BundleStarter {

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

    Started start(String name, String location, byte[] jar) {
        long begin = System.nanoTime();
        Bundle bundle;
        try {
            bundle = context.installBundle(location, new ByteArrayInputStream(jar));
        } catch (BundleException e) {
            return new Started(null, List.of(), List.of("cannot install: " + e.getMessage()), PluginBuilder.millisSince(begin));
        }
        List<String> problems = new ArrayList<>();
        List<ComponentState> components = List.of();
        try {
            bundle.start();
            components = ComponentStates.await(scr, bundle, componentDeadlineMillis);
            for (ComponentState c : components) {
                if (c.failed()) {
                    problems.add("component " + c.name() + " failed to activate: " + firstLine(c.failure()));
                }
            }
        } catch (BundleException e) {
            problems.add(startFailure(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("interrupted while starting");
        }
        if (!problems.isEmpty()) {
            uninstall(name, bundle);
        }
        return new Started(bundle, components, problems, PluginBuilder.millisSince(begin));
    }

    /** Uninstalls a plugin's bundle and refreshes, so that its class loader can go; the loader is watched weakly. */
    void uninstall(String name, Bundle bundle) {
        retired.retiring(name, bundle);
        try {
            if (bundle.getState() != Bundle.UNINSTALLED) {
                bundle.uninstall();
            }
        } catch (BundleException | IllegalStateException e) {
            System.err.println("graft: cannot uninstall " + bundle.getLocation() + ": " + e.getMessage());
        }
        refresh(List.of(bundle));
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
