package dev.graft.test.it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.host.PluginListener;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginState;
import dev.graft.test.LoadedPlugins;

/** Sites by configuration: factory PID dev.graft.site, one configuration per site. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class SiteConfigurationIT {

    @InjectBundleContext
    BundleContext context;
    @InjectService
    ConfigurationAdmin configurationAdmin;
    @InjectService
    PluginLoader loader;
    @InjectService
    PluginRegistry registry;
    @TempDir
    Path site;

    private final List<Configuration> configurations = new ArrayList<>();
    private HostLog log;

    @BeforeEach
    void listen() {
        log = new HostLog(context);
    }

    @AfterEach
    void deleteConfigurations() throws Exception {
        for (Configuration c : configurations) {
            try {
                c.delete();
            } catch (IllegalStateException e) {
                // deleted by the test
            }
        }
        log.close();
        HostLog.until("every plugin of the sites unloaded", () -> registry.plugins().stream()
            .noneMatch(r -> r.state() == PluginState.ACTIVE && r.origin().startsWith(site.toString())));
        LoadedPlugins.unloadAll(loader, registry);
    }

    @Test
    void siteLoadsWhenItsConfigurationAppearsAndUnloadsWhenItIsDeleted() throws Exception {
        TestPlugins.supplier("site-a", "a").writeTo(site);
        TestPlugins.supplier("site-b", "b").writeTo(site);
        Configuration c = configure(site.toString(), false);
        awaitActive("site-a");
        awaitActive("site-b");
        assertEquals("a", answer("site-a"));

        c.delete();
        log.await("site " + site, "unloaded");
        assertTrue(installed("site-a").isEmpty() && installed("site-b").isEmpty(), "both plugins are uninstalled");
    }

    @Test
    void changedPluginOfAWatchedSiteIsSwappedForItsNewVersion() throws Exception {
        TestPlugins.supplier("site-watched", "one").writeTo(site);
        configure(site.toString(), true);
        awaitActive("site-watched");
        log.await("watching");

        TestPlugins.supplier("site-watched", "two").writeTo(site);
        HostLog.until("the new version answers", () -> "two".equals(answer("site-watched")));
        log.await("site-watched changed", "swapped in bundle");
    }

    @Test
    void thePolicyFileOfTheConfigurationHoldsForTheSitesPlugins(@TempDir Path elsewhere) throws Exception {
        dev.graft.test.PluginSources.named("site-cm").file("src/t/cm/A.java",
            "package t.cm;\n\nimport org.osgi.service.cm.ConfigurationAdmin;\n\npublic class A {\n    ConfigurationAdmin cm;\n}\n")
            .writeTo(site);
        Path policy = Files.writeString(elsewhere.resolve("site.policy"), "deny org.osgi.service.cm.*\n");
        Configuration c = configurationAdmin.createFactoryConfiguration("dev.graft.site", "?");
        configurations.add(c);
        Dictionary<String, Object> p = properties(site.toString(), false);
        p.put("policy", policy.toString());
        c.update(p);
        log.await("site " + site, "site-cm/src/t/cm/A.java:3:8: error: importing package org.osgi.service.cm is denied by the site's"
            + " import policy (deny org.osgi.service.cm.*)");
        log.await("site " + site, "0 loaded, 1 failed");
    }

    @Test
    void aPluginLackingAServiceTheSiteRequiresIsRefusedBeforeItsInstall() throws Exception {
        TestPlugins.supplier("site-req", "req").writeTo(site);
        Dictionary<String, Object> p = properties(site.toString(), false);
        // one comma-separated value, as a Karaf .cfg file gives it
        p.put("require", "java.util.function.Supplier, com.example.Greeter");
        Configuration c = configurationAdmin.createFactoryConfiguration("dev.graft.site", "?");
        configurations.add(c);
        c.update(p);
        log.await("site " + site, "site-req provides no com.example.Greeter service (it provides: java.util.function.Supplier)");
        log.await("site " + site, "0 loaded, 1 failed");
        assertTrue(installed("site-req").isEmpty(), "site-req was never installed");
        assertEquals(PluginState.FAILED, registry.plugin("site-req").orElseThrow().state());
    }

    @Test
    void aPluginProvidingEveryServiceTheSiteRequiresLoads() throws Exception {
        TestPlugins.supplier("site-req-ok", "ok").writeTo(site);
        Dictionary<String, Object> p = properties(site.toString(), false);
        p.put("require", new String[] {"java.util.function.Supplier"});
        Configuration c = configurationAdmin.createFactoryConfiguration("dev.graft.site", "?");
        configurations.add(c);
        c.update(p);
        awaitActive("site-req-ok");
        assertEquals("ok", answer("site-req-ok"));
    }

    @Test
    void configurationWithoutPathLoadsNothingAndSaysSo() throws Exception {
        Configuration c = configurationAdmin.createFactoryConfiguration("dev.graft.site", "?");
        configurations.add(c);
        c.update(new Hashtable<>(java.util.Map.of("watch", false)));
        log.await(c.getPid(), "no path", "nothing loaded");
    }

    @Test
    void relativePathLoadsNothingAndSaysSo() throws Exception {
        Configuration c = configure("plugins/here", false);
        log.await(c.getPid(), "'plugins/here' is relative", "nothing loaded");
    }

    @Test
    void missingFolderLoadsNothingAndSaysSo() throws Exception {
        Path missing = site.resolve("not-there");
        Configuration c = configure(missing.toString(), false);
        log.await(c.getPid(), missing + " does not exist", "nothing loaded");
    }

    @Test
    void pathOfAFileLoadsNothingAndSaysSo() throws Exception {
        Path file = Files.writeString(site.resolve("a-file.txt"), "not a site");
        Configuration c = configure(file.toString(), false);
        log.await(c.getPid(), file + " is a file, not a folder", "nothing loaded");
    }

    @Test
    void fixingAWrongPathLoadsTheSite() throws Exception {
        TestPlugins.supplier("site-fixed", "fixed").writeTo(site);
        Configuration c = configure(site.resolve("typo").toString(), false);
        log.await(c.getPid(), "does not exist");

        c.update(properties(site.toString(), false));
        awaitActive("site-fixed");
    }

    @Test
    void secondConfigurationForOneFolderIsRefusedNamingTheFirst() throws Exception {
        TestPlugins.supplier("site-once", "once").writeTo(site);
        Configuration first = configure(site.toString(), false);
        awaitActive("site-once");
        Configuration second = configure(site.toString(), false);
        log.await(second.getPid(), "already the site of configuration " + first.getPid(), "nothing loaded");
        assertEquals(1, installedCount("site-once"), "one bundle of the plugin");
    }

    @Test
    void deletingTheConfigurationWhileTheSiteLoadsLeavesNoPluginInstalled() throws Exception {
        List<String> names = List.of("site-mid-a", "site-mid-b", "site-mid-c", "site-mid-d");
        for (String name : names) {
            TestPlugins.supplier(name, name).writeTo(site);
        }
        CountDownLatch firstLoaded = new CountDownLatch(1);
        ServiceRegistration<PluginListener> listener = context.registerService(PluginListener.class, new PluginListener() {
            @Override
            public void loaded(PluginRecord plugin) {
                firstLoaded.countDown();
            }
        }, null);
        try {
            Configuration c = configure(site.toString(), false);
            assertTrue(firstLoaded.await(60, TimeUnit.SECONDS), "a plugin of the site loaded");
            c.delete();
            log.await("site " + site, "unloaded");
        } finally {
            listener.unregister();
        }
        for (String name : names) {
            assertTrue(installed(name).isEmpty(), name + " is not installed");
        }
    }

    @Test
    void deletingTheConfigurationWhileASwapRunsLeavesNoPluginInstalled() throws Exception {
        slowToActivate("site-swapping", "one", 0).writeTo(site);
        Configuration c = configure(site.toString(), true);
        awaitActive("site-swapping");
        log.await("watching");
        long first = installed("site-swapping").orElseThrow().getBundleId();

        CountDownLatch secondInstalled = new CountDownLatch(1);
        org.osgi.framework.BundleListener listener = e -> {
            if (e.getType() == org.osgi.framework.BundleEvent.INSTALLED && "site-swapping".equals(e.getBundle().getSymbolicName())
                && e.getBundle().getBundleId() != first) {
                secondInstalled.countDown();
            }
        };
        context.addBundleListener(listener);
        try {
            // the new version takes a while to activate: the configuration goes while its swap runs
            slowToActivate("site-swapping", "two", 1500).writeTo(site);
            assertTrue(secondInstalled.await(60, TimeUnit.SECONDS), "the swap installed the new version");
            c.delete();
            log.await("site " + site, "unloaded");
        } finally {
            context.removeBundleListener(listener);
        }
        assertEquals(0, installedCount("site-swapping"), "neither version of the plugin is installed");
    }

    /** A plugin whose immediate component sleeps in its activation for {@code millis}. */
    private static dev.graft.test.PluginSources slowToActivate(String name, String value, long millis) {
        String pkg = "t." + name.replace('-', '_');
        return dev.graft.test.PluginSources.named(name)
            .bnd("Bundle-Version: 1.0.0")
            .file("src/" + pkg.replace('.', '/') + "/Value.java", """
                package %s;

                import java.util.function.Supplier;
                import org.osgi.service.component.annotations.Activate;
                import org.osgi.service.component.annotations.Component;

                @Component(immediate = true, property = "plugin=%s")
                public class Value implements Supplier<String> {
                    @Activate
                    void activate() throws InterruptedException {
                        Thread.sleep(%d);
                    }

                    public String get() {
                        return "%s";
                    }
                }
                """.formatted(pkg, name, millis, value));
    }

    private Configuration configure(String path, boolean watch) throws Exception {
        Configuration c = configurationAdmin.createFactoryConfiguration("dev.graft.site", "?");
        configurations.add(c);
        c.update(properties(path, watch));
        return c;
    }

    private static Dictionary<String, Object> properties(String path, boolean watch) {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("path", path);
        p.put("watch", watch);
        p.put("debounce.ms", 50L);
        p.put("poll.ms", 100L);
        return p;
    }

    private void awaitActive(String name) throws InterruptedException {
        HostLog.until(name + " active", () -> registry.plugin(name).filter(r -> r.state() == PluginState.ACTIVE).isPresent()
            && installed(name).isPresent());
    }

    private Optional<Bundle> installed(String name) {
        return Arrays.stream(context.getBundles()).filter(b -> name.equals(b.getSymbolicName())).findFirst();
    }

    private long installedCount(String name) {
        return Arrays.stream(context.getBundles()).filter(b -> name.equals(b.getSymbolicName())).count();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String answer(String name) {
        try {
            ServiceReference[] refs = context.getServiceReferences(Supplier.class.getName(), "(plugin=" + name + ")");
            if (refs == null) {
                return null;
            }
            Supplier<String> s = (Supplier<String>) context.getService(refs[0]);
            try {
                return s == null ? null : s.get();
            } finally {
                context.ungetService(refs[0]);
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
