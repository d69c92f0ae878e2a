package com.example.uptime;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** A plain activator: says when it starts and how long it ran when it stops. */
public class UptimeActivator implements BundleActivator {

    private long started;

    @Override
    public void start(BundleContext context) {
        started = System.nanoTime();
        System.out.println("uptime: started in bundle " + context.getBundle().getBundleId());
    }

    @Override
    public void stop(BundleContext context) {
        System.out.println("uptime: stopped after " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }
}
