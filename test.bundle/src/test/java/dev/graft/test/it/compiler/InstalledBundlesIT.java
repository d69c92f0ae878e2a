package dev.graft.test.it.compiler;

import static dev.graft.test.GraftAssertions.assertThat;
import static dev.graft.test.it.compiler.Plugins.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.util.tracker.ServiceTracker;

import dev.graft.compiler.Build;
import dev.graft.compiler.Diagnostic.Severity;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.SourcePlugin;

/** Compiling against bundles that come and go, and running what was compiled. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class InstalledBundlesIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService
    PluginCompiler compiler;

    @InjectService
    ServiceComponentRuntime scr;

    private final List<Bundle> installed = new ArrayList<>();

    @AfterEach
    void uninstall() throws Exception {
        for (Bundle b : installed) {
            if (b.getState() != Bundle.UNINSTALLED) {
                b.uninstall();
            }
        }
    }

    private Bundle install(Build build) throws Exception {
        assertThat(build).hasNoErrors();
        Bundle b = context.installBundle("graft-test:" + build.name() + ":" + build.sourceDigest(),
            new ByteArrayInputStream(build.bundle().orElseThrow()));
        installed.add(b);
        return b;
    }

    private void resolve(Bundle... bundles) {
        assertTrue(context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(bundles)), "the bundles resolve");
    }

    private Build sharedApi(String name, String version, String methods) {
        return compiler.compile(plugin(name, "bnd.bnd", "Export-Package: graft.it.shared;version=" + version + "\n",
            "src/graft/it/shared/Thing.java", "package graft.it.shared;\n\npublic class Thing {\n" + methods + "}\n"));
    }

    private static final SourcePlugin CONSUMER = plugin("it.consumer", "src/com/acme/UsesTwo.java",
        "package com.acme;\n\nimport graft.it.shared.Thing;\n\npublic class UsesTwo {\n    int f() {\n        return new Thing().two();\n    }\n}\n");

    @Test
    void componentReferencingAServiceOfAnotherBundleActivatesUnderScr() throws Exception {
        Build build = compiler.compile(plugin("it.ds", "src/com/acme/ds/Greeter.java",
            "package com.acme.ds;\n\nimport java.util.function.Supplier;\n\nimport org.osgi.service.cm.ConfigurationAdmin;\n"
                + "import org.osgi.service.component.annotations.*;\n\n"
                + "@Component(property = \"graft.it=ds\")\npublic class Greeter implements Supplier<String> {\n"
                + "    @Reference\n    ConfigurationAdmin configurationAdmin;\n\n"
                + "    public String get() {\n        return configurationAdmin == null ? \"no cm\" : \"hello with cm\";\n    }\n}\n"));
        assertEquals(List.of("com.acme.ds.Greeter"), build.summary().orElseThrow().components());
        Bundle bundle = install(build);
        bundle.start();
        ServiceTracker<Supplier, Supplier> tracker = new ServiceTracker<>(context, context.createFilter("(graft.it=ds)"), null);
        tracker.open();
        try {
            Supplier<?> greeter = tracker.waitForService(10_000);
            assertNotNull(greeter, "the component's service appears");
            assertEquals("hello with cm", greeter.get());
            ComponentDescriptionDTO description = scr.getComponentDescriptionDTO(bundle, "com.acme.ds.Greeter");
            assertNotNull(description);
            assertTrue(scr.getComponentConfigurationDTOs(description).stream().allMatch(c -> c.state == ComponentConfigurationDTO.ACTIVE));
        } finally {
            tracker.close();
        }
    }

    @Test
    void highestVersionWinsAmongSeveralExportersAndTheAmbiguityIsNoted() throws Exception {
        Bundle v1 = install(sharedApi("it.shared.v1", "1.0.0", "    public int one() {\n        return 1;\n    }\n"));
        Bundle v2 = install(sharedApi("it.shared.v2", "2.0.0", "    public int one() {\n        return 1;\n    }\n    public int two() {\n        return 2;\n    }\n"));
        resolve(v1, v2);
        Build build = compiler.compile(CONSUMER);
        assertThat(build).hasNoErrors();
        assertTrue(build.summary().orElseThrow().imports().contains("graft.it.shared;version=\"[2.0,3)\""),
            () -> build.summary().orElseThrow().imports().toString());
        assertTrue(build.compiledAgainst().stream().anyMatch(w -> w.packageName().equals("graft.it.shared") && w.exporter().equals("it.shared.v2")));
        List<Diagnostic> infos = build.diagnostics().stream().filter(d -> d.severity() == Severity.INFO).toList();
        assertEquals(List.of("<plugin>: info: package graft.it.shared is exported by several bundles: it.shared.v2 0.0.0 (package version 2.0.0), "
            + "it.shared.v1 0.0.0 (package version 1.0.0); compiled against it.shared.v2 0.0.0 (package version 2.0.0), the one a resolver wires"),
            infos.stream().map(Diagnostic::toString).toList());
    }

    @Test
    void packageIndexFollowsInstallAndUninstall() throws Exception {
        assertFalse(compiler.compile(CONSUMER).succeeded(), "nothing exports graft.it.shared yet");
        Bundle v2 = install(sharedApi("it.shared.only", "2.0.0", "    public int two() {\n        return 2;\n    }\n"));
        resolve(v2);
        Build build = compiler.compile(CONSUMER);
        assertThat(build).hasNoErrors();
        v2.uninstall();
        Build after = compiler.compile(CONSUMER);
        assertFalse(after.succeeded(), "the uninstalled exporter is gone from the index");
        assertEquals("src/com/acme/UsesTwo.java:3:8: error: The import graft cannot be resolved: "
            + "no bundle in the running framework exports package graft.it.shared", after.errors().get(0).toString());
    }
}
