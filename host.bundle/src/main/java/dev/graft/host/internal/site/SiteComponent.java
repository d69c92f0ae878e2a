package dev.graft.host.internal.site;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import dev.graft.host.LoadOptions;
import dev.graft.host.LoadPlan;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginState;
import dev.graft.host.internal.load.Loader;
import dev.graft.host.internal.output.Console;
import dev.graft.host.internal.output.HostLog;
import dev.graft.host.internal.output.LoggedConsole;
import dev.graft.host.internal.plan.SiteClaims;
import dev.graft.host.internal.plan.SiteOptions;
import dev.graft.host.internal.watch.SiteWatcher;

/**
 * One site per configuration of the factory PID {@code dev.graft.site}: its plugins load when the
 * configuration appears, the site is watched while it exists (as {@code graft run --watch} does),
 * and its plugins unload when the configuration goes or Graft stops. A configuration whose path is
 * wrong, or names a folder another configuration holds, loads nothing and logs why.
 */
@Component(service = {}, configurationPid = SiteComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = SiteConfiguration.class, factory = true)
public final class SiteComponent {

    static final String PID = "dev.graft.site";

    @Reference
    PluginLoader loader;
    @Reference
    PluginRegistry registry;
    @Reference
    SiteClaims claims;
    /** Problems of the configuration and the site's output go to the host's log. */
    @Reference
    HostLog log;

    private String pid;
    private Path folder;
    private Thread worker;
    private SiteWatcher watcher;
    private boolean closed;

    @Activate
    void activate(SiteConfiguration config, java.util.Map<String, Object> properties) {
        pid = String.valueOf(properties.get(Constants.SERVICE_PID));
        Path checked;
        try {
            checked = SiteFolder.of(pid, config.path());
        } catch (IllegalArgumentException e) {
            log.logger().log(System.Logger.Level.ERROR, e.getMessage() + "; nothing loaded");
            return;
        }
        Optional<Path> policy = Optional.empty();
        if (!config.policy().isBlank()) {
            policy = Optional.of(Path.of(config.policy()));
            try {
                SiteOptions.policy(policy.get());
            } catch (java.io.IOException e) {
                log.logger().log(System.Logger.Level.ERROR, "site configuration " + pid + ": policy " + e.getMessage() + "; nothing loaded");
                return;
            }
        }
        Optional<String> holder = claims.claim(checked, pid, policy, requiredTypes(config.require()));
        if (holder.isPresent()) {
            log.logger().log(System.Logger.Level.ERROR, "site configuration " + pid + ": " + checked + " is already the site of configuration "
                + holder.get() + "; nothing loaded");
            return;
        }
        folder = checked;
        worker = new Thread(() -> load(config), "graft-site " + folder);
        worker.setDaemon(true);
        worker.setContextClassLoader(SiteComponent.class.getClassLoader());
        worker.start();
    }

    /** The types of {@code require}, given as a list or as one comma-separated value (as a Karaf .cfg file gives it). */
    static List<String> requiredTypes(String[] values) {
        return java.util.Arrays.stream(values == null ? new String[0] : values)
            .flatMap(v -> java.util.Arrays.stream(v.split(",")))
            .map(String::strip)
            .filter(t -> !t.isEmpty())
            .distinct()
            .toList();
    }

    private void load(SiteConfiguration config) {
        List<Path> sites = List.of(folder);
        Console console = LoggedConsole.of(log.logger(), "site " + folder + ": ");
        synchronized (this) {
            if (closed) {
                return;
            }
            if (config.watch()) {
                watcher = SiteWatcher.open(loader, sites, Math.max(0, config.debounce_ms()), config.poll_ms(), console, "");
            }
        }
        LoadPlan plan = loader.plan(sites);
        plan.problems().forEach(p -> console.err().println(p));
        List<PluginRecord> records = loader.loadAll(plan, new LoadOptions(sites, List.of(), true,
            config.config().isBlank() ? Optional.empty() : Optional.of(Path.of(config.config()))));
        long failed = 0;
        for (PluginRecord r : records) {
            if (r.state() != PluginState.ACTIVE) {
                failed++;
                console.err().println(r.name() + " " + r.state().name().toLowerCase(java.util.Locale.ROOT) + ": " + String.join("; ", r.problems()));
            }
        }
        console.out().println((records.size() - failed) + " loaded, " + failed + " failed"
            + (watcher == null ? "" : "; watching"));
        synchronized (this) {
            if (!closed && watcher != null) {
                watcher.start();
            }
        }
    }

    /** Stops the watch, waits for a load under way, then unloads every plugin that came from the site. */
    @Deactivate
    void deactivate() {
        if (folder == null) {
            return;
        }
        SiteWatcher stopping;
        synchronized (this) {
            closed = true;
            stopping = watcher;
        }
        if (stopping != null) {
            stopping.close();
        }
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (PluginRecord r : registry.plugins()) {
            // with the plugins that depend on it, from this site or another, which would lose their wiring
            if (Loader.installed(r) && fromSite(r)) {
                loader.unload(r.name(), true);
            }
        }
        claims.release(folder, pid);
        log.logger().log(System.Logger.Level.INFO, "site " + folder + ": unloaded (configuration " + pid + " gone or Graft stopping)");
    }

    private boolean fromSite(PluginRecord r) {
        try {
            return Path.of(r.origin()).toAbsolutePath().normalize().startsWith(folder);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
