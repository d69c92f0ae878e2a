package dev.graft.test.it.libs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.cache.PluginCache;
import dev.graft.compiler.CheckResult;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.PluginCompiler;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginRegistry;
import dev.graft.host.PluginState;
import dev.graft.test.LoadedPlugins;
import dev.graft.test.PluginSources;

/**
 * Fat plugins: the jars of a plugin's lib/ are compiled against and inlined into its bundle, except
 * what the host already exports at a compatible version, which is imported. The libraries are real
 * ones from Maven Central, copied by the build into target/libs (graft.test.libs).
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class FatPluginsIT {

    private static final String TEXT = "commons-text-1.12.0.jar";
    private static final String LANG = "commons-lang3-3.14.0.jar";
    private static final String OLD_LANG = "commons-lang3-3.12.0.jar";
    private static final String SLF4J = "slf4j-api-1.7.36.jar";

    @InjectBundleContext
    BundleContext context;
    @InjectService
    PluginCompiler compiler;
    @InjectService
    PluginCache cache;
    @InjectService
    PluginLoader loader;
    @InjectService
    PluginRegistry registry;
    @TempDir
    Path site;
    Path libs;

    @BeforeEach
    void libraries() {
        libs = Path.of(context.getProperty("graft.test.libs"));
    }

    @AfterEach
    void unloadEverything() {
        LoadedPlugins.unloadAll(loader, registry);
    }

    /** A plugin whose activator sets the system property graft.test.NAME to what {@code expression} gives. */
    private PluginSources fat(String name, String imports, String expression, String... jars) throws Exception {
        String pkg = "t." + name.replace('-', '_');
        PluginSources plugin = PluginSources.named(name).file("src/" + pkg.replace('.', '/') + "/Main.java", """
            package %s;

            import org.osgi.framework.BundleActivator;
            import org.osgi.framework.BundleContext;
            import org.osgi.framework.FrameworkUtil;
            %s

            public class Main implements BundleActivator {
                public void start(BundleContext context) {
                    System.setProperty("graft.test.%s", %s);
                }

                public void stop(BundleContext context) {
                }
            }
            """.formatted(pkg, imports, name, expression));
        for (String jar : jars) {
            plugin = plugin.file("lib/" + jar, Files.readAllBytes(libs.resolve(jar)));
        }
        return plugin;
    }

    private static String manifestHeader(Bundle bundle, String name) {
        String value = bundle.getHeaders("").get(name);
        return value == null ? "" : value;
    }

    @Test
    void aLibraryWithADependencyOfItsOwnIsInlinedWithIt() throws Exception {
        Path folder = fat("fat-text", "import org.apache.commons.text.CaseUtils;",
            "CaseUtils.toCamelCase(\"hello fat world\", false, ' ') + \"|\" + FrameworkUtil.getBundle(org.apache.commons.lang3.StringUtils.class).getSymbolicName()",
            TEXT, LANG).writeTo(site);
        PluginRecord r = loader.load(folder, false);
        assertEquals(PluginState.ACTIVE, r.state(), r.problems()::toString);
        assertEquals("helloFatWorld|fat-text", System.getProperty("graft.test.fat-text"), "both libraries run from the plugin's own bundle");
        Bundle bundle = context.getBundle(r.bundleId());
        assertNotNull(bundle.getEntry("org/apache/commons/text/CaseUtils.class"));
        assertNotNull(bundle.getEntry("org/apache/commons/lang3/StringUtils.class"));
        assertFalse(manifestHeader(bundle, "Import-Package").contains("org.apache.commons"), manifestHeader(bundle, "Import-Package"));
        assertFalse(manifestHeader(bundle, "Export-Package").contains("org.apache.commons"), "embedded libraries stay private");
    }

    @Test
    void aLibraryTheHostExportsIsImportedNotEmbeddedAndCheckSaysSo() throws Exception {
        PluginSources sources = fat("fat-log", "import org.slf4j.LoggerFactory;",
            "LoggerFactory.getLogger(\"fat\").getName() + \"|\" + FrameworkUtil.getBundle(LoggerFactory.class).getSymbolicName()"
                + " + \"|\" + org.apache.commons.lang3.StringUtils.reverse(\"tac\")",
            SLF4J, LANG);
        CheckResult check = compiler.check(sources.toSourcePlugin(), compiler.defaultOptions(), List.of());
        assertTrue(check.ok(), check.diagnostics()::toString);
        Diagnostic note = check.diagnostics().stream().filter(d -> d.file().equals("lib/" + SLF4J)).findFirst().orElseThrow();
        assertEquals(Diagnostic.Severity.INFO, note.severity());
        assertTrue(note.message().startsWith("4 of its 4 packages left out and imported instead, as the host already has them: org.slf4j"
            + " (the framework exports it at 1.7.36 from slf4j.api, compatible with the jar's 1.7.36)"), note.message());
        assertTrue(check.diagnostics().stream().noneMatch(d -> d.file().equals("lib/" + LANG)), "nothing of commons-lang3 is left out");

        PluginRecord r = loader.load(sources.writeTo(site), false);
        assertEquals(PluginState.ACTIVE, r.state(), r.problems()::toString);
        assertEquals("fat|slf4j.api|cat", System.getProperty("graft.test.fat-log"), "the host's slf4j, loaded once");
        Bundle bundle = context.getBundle(r.bundleId());
        assertNull(bundle.getEntry("org/slf4j/LoggerFactory.class"));
        assertNotNull(bundle.getEntry("org/apache/commons/lang3/StringUtils.class"));
        assertTrue(manifestHeader(bundle, "Import-Package").contains("org.slf4j;version=\"[1.7,2)\""), manifestHeader(bundle, "Import-Package"));
    }

    @Test
    void twoPluginsEmbeddingTwoVersionsOfOneLibraryEachRunTheirOwn() throws Exception {
        String expression = "org.apache.commons.lang3.StringUtils.capitalize(\"lang\") + \"|\""
            + " + FrameworkUtil.getBundle(org.apache.commons.lang3.StringUtils.class).getSymbolicName()";
        PluginRecord old = loader.load(fat("lang-old", "", expression, OLD_LANG).writeTo(site), false);
        PluginRecord current = loader.load(fat("lang-new", "", expression, LANG).writeTo(site), false);
        assertEquals(PluginState.ACTIVE, old.state(), old.problems()::toString);
        assertEquals(PluginState.ACTIVE, current.state(), current.problems()::toString);
        assertEquals("Lang|lang-old", System.getProperty("graft.test.lang-old"));
        assertEquals("Lang|lang-new", System.getProperty("graft.test.lang-new"));
        String entry = "org/apache/commons/lang3/StringUtils.class";
        assertArrayEquals(entryOf(libs.resolve(OLD_LANG), entry), context.getBundle(old.bundleId()).getEntry(entry).openStream().readAllBytes());
        assertArrayEquals(entryOf(libs.resolve(LANG), entry), context.getBundle(current.bundleId()).getEntry(entry).openStream().readAllBytes());
        assertFalse(Arrays.equals(entryOf(libs.resolve(OLD_LANG), entry), entryOf(libs.resolve(LANG), entry)), "two versions indeed");
    }

    private static byte[] entryOf(Path jar, String entry) throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getInputStream(file.getEntry(entry)).readAllBytes();
        }
    }

    @Test
    void aCorruptJarInLibIsAnErrorNamingItAndNothingIsInstalled() throws Exception {
        byte[] whole = Files.readAllBytes(libs.resolve(LANG));
        PluginSources sources = fat("fat-broken", "", "\"never\"", TEXT).file("lib/broken.jar", Arrays.copyOf(whole, whole.length / 3));
        PluginRecord r = loader.load(sources.writeTo(site), false);
        assertEquals(PluginState.FAILED, r.state());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("lib/broken.jar") && p.contains("error: a library of lib/ is unusable:"
            + " not a complete jar")), r.problems()::toString);
        assertFalse(Arrays.stream(context.getBundles()).anyMatch(b -> "fat-broken".equals(b.getSymbolicName())));
        assertNull(System.getProperty("graft.test.fat-broken"));
    }

    @Test
    void theCacheKeyCoversTheBytesOfTheJars() throws Exception {
        PluginSources withOld = fat("fat-key", "", "\"x\"").file("lib/lang.jar", Files.readAllBytes(libs.resolve(OLD_LANG)));
        PluginSources withNew = fat("fat-key", "", "\"x\"").file("lib/lang.jar", Files.readAllBytes(libs.resolve(LANG)));
        assertNotEquals(cache.key(withOld.toSourcePlugin(), compiler.defaultOptions()), cache.key(withNew.toSourcePlugin(), compiler.defaultOptions()));
    }
}
