package dev.graft.test.it.kit;

import static dev.graft.test.GraftAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;

import dev.graft.compiler.Build;
import dev.graft.host.PluginState;
import dev.graft.test.InjectPluginKit;
import dev.graft.test.InjectSourcePlugin;
import dev.graft.test.LoadedPlugin;
import dev.graft.test.PluginKit;
import dev.graft.test.PluginSources;
import dev.graft.test.SourcePluginExtension;

/**
 * What the extension injects, and that everything a scope loaded is gone when the scope ends:
 * the tests run in order, and a later one checks what an earlier one left.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(SourcePluginExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class ExtensionScopeIT {

    static long methodScopedBundle = -1;
    static long parameterBundle = -1;
    static Path writtenSite;
    static long classScopedBundle = -1;

    @InjectBundleContext
    BundleContext context;

    @InjectSourcePlugin("examples/uptime")
    LoadedPlugin uptime;

    @InjectPluginKit
    PluginKit kit;

    @Test
    @Order(1)
    void aFieldIsLoadedFromAFolderRelativeToTheBaseDirectory(PluginKit parameterKit) {
        assertSame(kit, parameterKit, "one kit per test method");
        assertEquals(Path.of(context.getProperty("graft.test.base")).toAbsolutePath().normalize(), kit.base());
        assertThat(uptime).isActive();
        assertEquals(kit.base().resolve("examples/uptime").toString(), uptime.record().origin());
        methodScopedBundle = uptime.bundleId();
    }

    @Test
    @Order(2)
    void parametersInTheirOrderAndPluginsWrittenInTheTestAreLoadedToo(@InjectSourcePlugin("examples/greeter-api") LoadedPlugin api,
        @InjectSourcePlugin("examples/hello") Build hello) throws Exception {
        assertThat(api).isActive();
        assertThat(hello).hasNoErrors();
        LoadedPlugin helloAfterItsApi = kit.load("examples/hello");
        assertThat(helloAfterItsApi).isActive().hasAllComponentsActive().providesService("com.example.greeter.Greeter");
        parameterBundle = api.bundleId();
        LoadedPlugin written = kit.load(KitPlugins.supplier("scope.written", "x"));
        writtenSite = Path.of(written.record().origin()).getParent();
        assertTrue(Files.isDirectory(writtenSite));
    }

    @Test
    @Order(3)
    void whatTheEarlierTestsLoadedAndWroteIsGone() {
        assertNotEquals(-1, parameterBundle);
        assertNull(context.getBundle(methodScopedBundle));
        assertNull(context.getBundle(parameterBundle));
        assertFalse(Files.exists(writtenSite), writtenSite + " is deleted");
        assertEquals(PluginState.UNLOADED, kit.registry().plugin("scope.written").orElseThrow().state());
    }

    @Nested
    @Order(1)
    class ClassScope {

        @InjectSourcePlugin("examples/greeter-api")
        static LoadedPlugin api;

        static long beforeAllBundle;

        @BeforeAll
        static void loadForTheClass(PluginKit classKit) {
            beforeAllBundle = classKit.load(PluginSources.named("scope.class").file("src/k/c/C.java",
                "package k.c;\n\npublic class C {\n}\n")).bundleId();
        }

        @Test
        void aStaticFieldIsLoadedForTheWholeClass() {
            assertThat(api).isActive();
            classScopedBundle = api.bundleId();
        }

        @Test
        void andStaysLoadedForTheNextTest() {
            assertThat(api).isActive();
            assertTrue(context.getBundle(beforeAllBundle) != null, "the @BeforeAll plugin stays for the class");
        }
    }

    @Nested
    @Order(2)
    class AfterTheClassScope {

        @Test
        void whatTheClassScopeLoadedIsGone() {
            assertNotEquals(-1, classScopedBundle);
            assertNull(context.getBundle(classScopedBundle));
            assertNull(context.getBundle(ClassScope.beforeAllBundle));
        }
    }
}
