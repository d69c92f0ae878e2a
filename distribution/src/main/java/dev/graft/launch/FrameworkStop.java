package dev.graft.launch;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;

/**
 * Waits for a framework that was told to stop, but not for a bundle stuck in its start or stop: a
 * plugin whose activator never returns holds its bundle's lock, and the framework's stop would wait
 * for it forever. Once one bundle has stayed starting or stopping for the grace period, the wait
 * ends; the process exits without it. A plugin bundle that was already starting when the stop was
 * asked for is stuck (the loader has reported it): the framework stops the newest bundles first, so
 * it would hold every other bundle's stop, and the wait ends at once.
 */
final class FrameworkStop {

    private static final long POLL_MS = 50;

    private final Framework framework;
    private final long timeoutMillis;
    private final long stuckMillis;

    private final Set<Long> startingBefore;

    /** Call before the framework is told to stop. */
    FrameworkStop(Framework framework, long timeoutMillis, long stuckMillis) {
        this.framework = framework;
        this.timeoutMillis = timeoutMillis;
        this.stuckMillis = stuckMillis;
        this.startingBefore = pluginsStarting();
    }

    /** @return the bundle that was stuck, when the wait ended because of it; empty when the framework stopped or the timeout passed */
    Optional<String> await() throws InterruptedException {
        long end = System.nanoTime() + timeoutMillis * 1_000_000L;
        Bundle transitional = null;
        long since = 0;
        while (System.nanoTime() < end) {
            if (framework.waitForStop(POLL_MS).getType() != FrameworkEvent.WAIT_TIMEDOUT) {
                return Optional.empty();
            }
            Bundle now = transitional();
            if (now == null || now != transitional) {
                transitional = now;
                since = System.nanoTime();
            } else if (startingBefore.contains(now.getBundleId()) || System.nanoTime() - since > stuckMillis * 1_000_000L) {
                return Optional.of("bundle " + now.getBundleId() + " (" + now.getSymbolicName() + "), stuck "
                    + (now.getState() == Bundle.STARTING ? "starting" : "stopping"));
            }
        }
        return Optional.empty();
    }

    /** @return the ids of the plugin bundles (Graft's {@code graft:} locations) in their start now */
    private Set<Long> pluginsStarting() {
        Set<Long> ids = new HashSet<>();
        try {
            for (Bundle b : framework.getBundleContext().getBundles()) {
                if (b.getState() == Bundle.STARTING && b.getLocation().startsWith("graft:")) {
                    ids.add(b.getBundleId());
                }
            }
        } catch (IllegalStateException | NullPointerException stopped) {
            // no context: nothing is starting
        }
        return ids;
    }

    /** @return a bundle other than the framework that is starting or stopping, or null */
    private Bundle transitional() {
        try {
            for (Bundle b : framework.getBundleContext().getBundles()) {
                if (b.getBundleId() != 0 && (b.getState() & (Bundle.STARTING | Bundle.STOPPING)) != 0) {
                    return b;
                }
            }
        } catch (IllegalStateException | NullPointerException stopped) {
            // the framework's context is gone: it is about to be stopped
        }
        return null;
    }
}
