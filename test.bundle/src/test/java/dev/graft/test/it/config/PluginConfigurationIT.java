package dev.graft.test.it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.host.LoadOptions;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginState;
import dev.graft.host.SwapResult;
import dev.graft.test.LoadedPlugins;
import dev.graft.test.PluginSources;

/** A plugin's config/ files applied through Configuration Admin: typed, bound to its bundle, overridden, checked, reapplied. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class PluginConfigurationIT {

    private static final String TAX_CFG = "rate = 7\nmode = gross\nlabel = VAT\n";

    @InjectBundleContext
    BundleContext context;
    @InjectService
    PluginLoader loader;
    @InjectService
    PluginRegistry registry;
    @InjectService
    ConfigurationAdmin admin;
    @InjectService
    CommandProcessor shell;
    @TempDir
    Path tmp;

    @AfterEach
    void unloadEverything() {
        LoadedPlugins.unloadAll(loader, registry);
    }

    private PluginRecord load(PluginSources sources) throws Exception {
        return loadFolder(sources.writeTo(tmp));
    }

    private PluginRecord loadFolder(Path folder) {
        PluginRecord r = loader.load(folder, false);
        assertEquals(PluginState.ACTIVE, r.state(), r.problems()::toString);
        return r;
    }

    @Test
    void cfgValuesReachTheComponentWithTheMetatypesTypes() throws Exception {
        load(ConfigPlugins.tax("tax").file("config/t.tax.cfg", TAX_CFG));
        awaitValue("(plugin=tax)", "rate=7:Integer mode=gross label=VAT");
    }

    @Test
    void jsonValuesKeepTheirTypes() throws Exception {
        load(ConfigPlugins.tax("tax").file("config/t.tax.json", """
            {
              "rate:Integer": 5,
              "label": "VAT"
            }
            """));
        awaitValue("(plugin=tax)", "rate=5:Integer mode=net label=VAT");
    }

    @Test
    void aFactoryConfigurationPerFileMakesAnInstanceEach() throws Exception {
        load(ConfigPlugins.tax("tax").file("config/t.greeting~a.cfg", "text = hi\n")
            .file("config/t.greeting~b.json", "{\"text\": \"salut\"}"));
        Set<String> texts = new TreeSet<>();
        awaitCondition("(greeting=true)", () -> {
            texts.clear();
            for (ServiceReference<?> ref : refs("(greeting=true)")) {
                texts.add(valueOf(ref));
            }
            return texts.size() == 2;
        });
        assertEquals(Set.of("hi", "salut"), texts);
    }

    @Test
    void unloadDeletesThePluginsConfigurations() throws Exception {
        load(ConfigPlugins.tax("tax").file("config/t.tax.cfg", TAX_CFG).file("config/t.greeting~a.cfg", "text = hi\n"));
        assertNotNull(admin.listConfigurations("(service.pid=t.tax)"));
        assertTrue(loader.unload("tax").isPresent());
        assertNull(admin.listConfigurations("(service.pid=t.tax)"));
        assertNull(admin.listConfigurations("(service.factoryPid=t.greeting)"));
    }

    @Test
    void theConfigurationIsBoundToThePluginsLocationAndNoOtherBundleGetsIt() throws Exception {
        PluginRecord tax = load(ConfigPlugins.tax("tax").file("config/t.tax.cfg", TAX_CFG));
        PluginRecord other = load(ConfigPlugins.otherTaxReader("other"));
        Configuration[] found = admin.listConfigurations("(service.pid=t.tax)");
        assertEquals(1, found.length);
        assertEquals(tax.location(), found[0].getBundleLocation());
        awaitValue("(plugin=tax)", "rate=7:Integer mode=gross label=VAT");
        assertTrue(refs("(plugin=other)").isEmpty(), "the other plugin's component got t.tax");
        assertTrue(registry.plugin("other").orElseThrow().components().stream().noneMatch(c -> c.state().equals("active")),
            () -> other.components().toString());
    }

    @Test
    void aDeploymentsFileOverridesKeyByKey() throws Exception {
        Path deployment = Files.createDirectories(tmp.resolve("deploy/tax"));
        Files.writeString(deployment.resolve("t.tax.cfg"), "mode = net\n");
        Path site = Files.createDirectories(tmp.resolve("site"));
        ConfigPlugins.tax("tax").file("config/t.tax.cfg", TAX_CFG).writeTo(site);
        List<PluginRecord> records = loader.loadAll(new LoadOptions(List.of(site), List.of(), false, Optional.of(tmp.resolve("deploy"))));
        assertEquals(PluginState.ACTIVE, records.get(0).state(), records.get(0).problems()::toString);
        awaitValue("(plugin=tax)", "rate=7:Integer mode=net label=VAT");
    }

    @Test
    void aValueThatIsNotOfItsTypeStopsThePluginAtItsLine() throws Exception {
        assertRefused("label = VAT\nrate = ten\n", "config/t.tax.cfg:2: error: rate: \"ten\" is not an int");
    }

    @Test
    void anUnknownKeyStopsThePluginAtItsLine() throws Exception {
        assertRefused("label = VAT\n\n# a comment\ncolour = red\n", "config/t.tax.cfg:4: error: colour: unknown key; t.tax.Tax$Config declares");
    }

    @Test
    void aValueOutsideTheOptionsStopsThePlugin() throws Exception {
        assertRefused("label = VAT\nmode = both\n", "config/t.tax.cfg:2: error: mode: \"both\" is not one of the options net, gross");
    }

    @Test
    void aMissingRequiredAttributeStopsThePlugin() throws Exception {
        assertRefused("rate = 3\n", "config/t.tax.cfg: error: label: required by t.tax.Tax$Config, which gives no default");
    }

    @Test
    void malformedJsonStopsThePluginAtItsLine() throws Exception {
        PluginRecord r = loader.load(ConfigPlugins.tax("tax").file("config/t.tax.json", "{\n  \"label\": \"VAT\",\n}\n").writeTo(tmp), false);
        assertEquals(PluginState.FAILED, r.state());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("config/t.tax.json:3: error: expected a string")), r.problems()::toString);
        assertNull(admin.listConfigurations("(service.pid=t.tax)"));
    }

    @Test
    void reconfigureAppliesAnEditToTheSameBundleAndAnInvalidEditKeepsTheOldConfiguration() throws Exception {
        Path folder = ConfigPlugins.tax("tax").file("config/t.tax.cfg", TAX_CFG).writeTo(tmp);
        PluginRecord loaded = loader.load(folder, false);
        awaitValue("(plugin=tax)", "rate=7:Integer mode=gross label=VAT");

        Files.writeString(folder.resolve("config/t.tax.cfg"), "rate = 9\nmode = gross\nlabel = VAT\n");
        SwapResult applied = loader.reconfigure("tax");
        assertTrue(applied.succeeded(), applied.problems()::toString);
        assertEquals(loaded.bundleId(), applied.plugin().bundleId());
        awaitValue("(plugin=tax)", "rate=9:Integer mode=gross label=VAT");

        Files.writeString(folder.resolve("config/t.tax.cfg"), "rate = ten\nmode = gross\nlabel = VAT\n");
        SwapResult refused = loader.reconfigure("tax");
        assertFalse(refused.succeeded());
        assertTrue(refused.problems().stream().anyMatch(p -> p.contains("config/t.tax.cfg:1: error: rate: \"ten\" is not an int")),
            refused.problems()::toString);
        assertEquals(loaded.bundleId(), registry.plugin("tax").orElseThrow().bundleId());
        assertEquals(9, admin.listConfigurations("(service.pid=t.tax)")[0].getProperties().get("rate"));
        assertEquals("rate=9:Integer mode=gross label=VAT", valueOf(refs("(plugin=tax)").get(0)));
    }

    @Test
    void aSwapOfTheSourcesGivesTheNewBundleTheConfiguration() throws Exception {
        Path folder = ConfigPlugins.tax("tax").file("config/t.tax.cfg", TAX_CFG).writeTo(tmp);
        PluginRecord loaded = loader.load(folder, false);
        awaitValue("(plugin=tax)", "rate=7:Integer mode=gross label=VAT");
        PluginSources.from(folder).edit("src/t/tax/Tax.java", s -> s + "\n// version 2\n").writeTo(tmp);
        SwapResult swapped = loader.swap("tax", folder);
        assertTrue(swapped.succeeded(), swapped.problems()::toString);
        assertTrue(swapped.plugin().bundleId() != loaded.bundleId());
        assertEquals(swapped.plugin().location(), admin.listConfigurations("(service.pid=t.tax)")[0].getBundleLocation());
        awaitValue("(plugin=tax)", "rate=7:Integer mode=gross label=VAT");
    }

    @Test
    void aSwapWhoseSourcesDoNotCompileLeavesTheConfigurationWithTheRunningVersion() throws Exception {
        Path folder = ConfigPlugins.tax("tax").file("config/t.tax.cfg", TAX_CFG).writeTo(tmp);
        PluginRecord loaded = loadFolder(folder);
        awaitValue("(plugin=tax)", "rate=7:Integer mode=gross label=VAT");
        PluginSources.from(folder).edit("src/t/tax/Tax.java", s -> s.replace("private volatile String text;", "private volatile String text"))
            .file("config/t.tax.cfg", "rate = 9\nmode = gross\nlabel = VAT\n").writeTo(tmp);

        SwapResult swap = loader.swap("tax", folder);

        assertFalse(swap.succeeded());
        assertEquals(loaded.bundleId(), registry.plugin("tax").orElseThrow().bundleId());
        assertRunningConfiguration(loaded.location(), 7);
        awaitValue("(plugin=tax)", "rate=7:Integer mode=gross label=VAT");
    }

    @Test
    void aSwapWhoseNewVersionFailsToStartGivesTheConfigurationBackToTheRunningVersion() throws Exception {
        Path folder = ConfigPlugins.tax("tax").file("config/t.tax.cfg", TAX_CFG).writeTo(tmp);
        PluginRecord loaded = loadFolder(folder);
        awaitValue("(plugin=tax)", "rate=7:Integer mode=gross label=VAT");
        // the new version takes the configuration (with its own new value) and its component fails to activate
        Path broken = PluginSources.from(folder).edit("src/t/tax/Tax.java", s -> s.replace("text = \"rate=\"",
            "if (c.rate() > 0) {\n throw new IllegalStateException(\"broken\");\n }\n text = \"rate=\""))
            .file("config/t.tax.cfg", "rate = 9\nmode = gross\nlabel = VAT\n").writeTo(tmp.resolve("v2"));

        SwapResult swap = loader.swap("tax", broken);

        assertFalse(swap.succeeded(), "the swap to a version whose component fails succeeded");
        assertTrue(swap.problems().stream().anyMatch(p -> p.contains("failed to activate")), swap.problems()::toString);
        assertEquals(loaded.bundleId(), registry.plugin("tax").orElseThrow().bundleId());
        assertRunningConfiguration(loaded.location(), 7);
        awaitValue("(plugin=tax)", "rate=7:Integer mode=gross label=VAT");
    }

    @Test
    void aSetSwapKeepsEachMembersConfigurationWithTheDeploymentsOverrides() throws Exception {
        Path site = Files.createDirectories(tmp.resolve("site"));
        Path rates = ConfigPlugins.rates("v1").file("config/t.rates.cfg", "factor = 2\n").writeTo(site);
        ConfigPlugins.ratesUser().file("config/t.user.cfg", "limit = 5\n").writeTo(site);
        Files.createDirectories(tmp.resolve("deploy/rates"));
        Files.createDirectories(tmp.resolve("deploy/user"));
        Files.writeString(tmp.resolve("deploy/rates/t.rates.cfg"), "factor = 3\n");
        Files.writeString(tmp.resolve("deploy/user/t.user.cfg"), "limit = 8\n");
        List<PluginRecord> records = loader.loadAll(new LoadOptions(List.of(site), List.of(), false, Optional.of(tmp.resolve("deploy"))));
        records.forEach(r -> assertEquals(PluginState.ACTIVE, r.state(), r.name() + ": " + r.problems()));
        awaitValue("(plugin=rates)", "factor=3 v1");
        awaitValue("(plugin=user)", "limit=8 rates v1");
        PluginSources.from(rates).edit("src/t/rates/Rates.java", s -> s.replace("\"v1\"", "\"v2\"")).writeTo(site);

        SwapResult swap = loader.swap("rates", null);

        assertTrue(swap.succeeded(), swap.problems()::toString);
        assertEquals(List.of("user"), swap.dependants().stream().map(PluginRecord::name).toList());
        awaitValue("(plugin=rates)", "factor=3 v2");
        awaitValue("(plugin=user)", "limit=8 rates v2");
        for (String name : List.of("rates", "user")) {
            Configuration[] bound = admin.listConfigurations("(service.pid=t." + name + ")");
            assertEquals(1, bound.length, name);
            assertEquals(registry.plugin(name).orElseThrow().location(), bound[0].getBundleLocation(), name);
        }
    }

    @Test
    void reconfigureRefusesAFolderWhoseSourcesChangedSinceTheRunningBuild() throws Exception {
        Path folder = ConfigPlugins.tax("tax").file("config/t.tax.cfg", TAX_CFG).writeTo(tmp);
        PluginRecord loaded = loadFolder(folder);
        PluginSources.from(folder).edit("src/t/tax/Tax.java", s -> s + "\n// version 2\n")
            .file("config/t.tax.cfg", "rate = 9\nmode = gross\nlabel = VAT\n").writeTo(tmp);

        SwapResult refused = loader.reconfigure("tax");

        assertFalse(refused.succeeded());
        assertEquals(List.of("tax's sources changed since it was built: swap it instead"), refused.problems());
        assertRunningConfiguration(loaded.location(), 7);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        t.tax.cfg  | rate = ten\\nmode = gross\\nlabel = VAT\\n       | config/t.tax.cfg:1: error: rate: "ten" is not an int
        t.tax.cfg  | rate = 9\\ncolour = red\\nlabel = VAT\\n      | config/t.tax.cfg:2: error: colour: unknown key
        t.tax.cfg  | rate = 9\\nmode = both\\nlabel = VAT\\n       | config/t.tax.cfg:2: error: mode: "both" is not one of the options net, gross
        t.tax.json | {\\n  "rate:Integer": 9,\\n  "label": "VAT",\\n} | config/t.tax.json:4: error: expected a string
        """)
    void eachKindOfBadEditIsRefusedAtItsLineAndTheRunningConfigurationStays(String file, String content, String expected)
        throws Exception {
        Path folder = ConfigPlugins.tax("tax").file("config/t.tax.cfg", TAX_CFG).writeTo(tmp);
        PluginRecord loaded = loadFolder(folder);
        awaitValue("(plugin=tax)", "rate=7:Integer mode=gross label=VAT");
        Files.delete(folder.resolve("config/t.tax.cfg"));
        Files.writeString(folder.resolve("config/" + file), content.replace("\\n", "\n"));

        SwapResult refused = loader.reconfigure("tax");

        assertFalse(refused.succeeded());
        assertTrue(refused.problems().stream().anyMatch(p -> p.contains(expected)), refused.problems()::toString);
        assertEquals(loaded.bundleId(), registry.plugin("tax").orElseThrow().bundleId());
        assertRunningConfiguration(loaded.location(), 7);
        assertEquals("rate=7:Integer mode=gross label=VAT", valueOf(refs("(plugin=tax)").get(0)));
    }

    /** Configuration Admin holds t.tax for the location, with the rate given. */
    private void assertRunningConfiguration(String location, int rate) throws Exception {
        Configuration[] found = admin.listConfigurations("(service.pid=t.tax)");
        assertNotNull(found, "t.tax is gone from Configuration Admin");
        assertEquals(1, found.length);
        assertEquals(location, found[0].getBundleLocation());
        assertEquals(rate, found[0].getProperties().get("rate"));
    }

    @Test
    void theShellsConfigCommandNamesTheFileOfEachValueAndWhatConfigurationAdminChangedSince() throws Exception {
        Path folder = ConfigPlugins.tax("tax").file("config/t.tax.cfg", TAX_CFG).file("config/t.greeting~a.cfg", "text = hi\n").writeTo(tmp);
        loadFolder(folder);
        String before = gogo("graft:config tax");
        assertTrue(before.contains("tax: configuration t.tax\n"), before);
        assertTrue(before.contains("  rate = 7   (" + folder + "/config/t.tax.cfg:1)\n"), before);
        assertTrue(before.contains("tax: configuration t.greeting~a (factory)\n"), before);
        assertTrue(before.contains("  text = hi   (" + folder + "/config/t.greeting~a.cfg:1)\n"), before);

        Configuration tax = admin.listConfigurations("(service.pid=t.tax)")[0];
        java.util.Dictionary<String, Object> changed = tax.getProperties();
        changed.put("rate", 8);
        tax.update(changed);
        String after = gogo("graft:config tax");
        assertTrue(after.contains("  rate = 8   (" + "set in Configuration Admin, not by Graft)\n"), after);
        assertTrue(after.contains("  mode = gross   (" + folder + "/config/t.tax.cfg:2)\n"), after);

        assertEquals("no plugin named nothing is loaded", gogo("graft:config nothing").strip());
    }

    private String gogo(String command) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        try (CommandSession session = shell.createSession(new java.io.ByteArrayInputStream(new byte[0]), print, print)) {
            session.execute(command);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aMetatypeWithADocumentTypeIsRefusedNotExpanded() throws Exception {
        PluginRecord r = loader.load(ConfigPlugins.tax("tax").file("config/t.tax.cfg", TAX_CFG)
            .file("resources/OSGI-INF/metatype/evil.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE m [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                + "<metatype:MetaData xmlns:metatype=\"http://www.osgi.org/xmlns/metatype/v1.4.0\"><OCD id=\"x\" name=\"&e;\"/></metatype:MetaData>\n")
            .writeTo(tmp), false);
        assertEquals(PluginState.FAILED, r.state());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("the bundle's metatype cannot be read") && p.contains("DOCTYPE")),
            r.problems()::toString);
    }

    @Test
    void aSiteByConfigurationTakesItsDeploymentFolderFromItsConfigProperty() throws Exception {
        Path deployment = Files.createDirectories(tmp.resolve("deploy/tax"));
        Files.writeString(deployment.resolve("t.tax.cfg"), "rate = 11\n");
        Path site = Files.createDirectories(tmp.resolve("site"));
        ConfigPlugins.tax("tax").file("config/t.tax.cfg", TAX_CFG).writeTo(site);
        Configuration c = admin.createFactoryConfiguration("dev.graft.site", "?");
        try {
            java.util.Hashtable<String, Object> p = new java.util.Hashtable<>();
            p.put("path", site.toString());
            p.put("watch", false);
            p.put("config", tmp.resolve("deploy").toString());
            c.update(p);
            awaitValue("(plugin=tax)", "rate=11:Integer mode=gross label=VAT");
        } finally {
            c.delete();
        }
        awaitCondition("(plugin=tax)", () -> refs("(plugin=tax)").isEmpty());
    }

    private void assertRefused(String cfg, String expected) throws Exception {
        PluginRecord r = loader.load(ConfigPlugins.tax("tax").file("config/t.tax.cfg", cfg).writeTo(tmp), false);
        assertEquals(PluginState.FAILED, r.state());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains(expected)), r.problems()::toString);
        assertTrue(context.getBundles().length > 0 && java.util.Arrays.stream(context.getBundles())
            .noneMatch(b -> "tax".equals(b.getSymbolicName())), "nothing of the plugin is installed");
        assertNull(admin.listConfigurations("(service.pid=t.tax)"));
    }

    private List<ServiceReference<?>> refs(String filter) throws Exception {
        ServiceReference<?>[] found = context.getServiceReferences(Supplier.class.getName(), filter);
        return found == null ? List.of() : List.of(found);
    }

    private String valueOf(ServiceReference<?> ref) {
        Object service = context.getService(ref);
        try {
            return service == null ? null : String.valueOf(((Supplier<?>) service).get());
        } finally {
            context.ungetService(ref);
        }
    }

    private void awaitValue(String filter, String expected) throws Exception {
        String[] last = {null};
        awaitCondition(filter, () -> {
            List<ServiceReference<?>> found = refs(filter);
            last[0] = found.isEmpty() ? null : valueOf(found.get(0));
            return expected.equals(last[0]);
        }, () -> "the service " + filter + " answers " + last[0] + ", not " + expected);
    }

    private void awaitCondition(String filter, Check check) throws Exception {
        awaitCondition(filter, check, () -> "no service " + filter + " as expected");
    }

    /** Checks again on every service event of the filter (and once a second), up to 10 s. */
    private void awaitCondition(String filter, Check check, Supplier<String> failure) throws Exception {
        Semaphore events = new Semaphore(0);
        ServiceListener listener = e -> events.release();
        context.addServiceListener(listener, filter);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!check.ok()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(failure.get());
                }
                events.tryAcquire(1, TimeUnit.SECONDS);
            }
        } finally {
            context.removeServiceListener(listener);
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }
}
