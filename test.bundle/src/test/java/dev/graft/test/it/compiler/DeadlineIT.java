package dev.graft.test.it.compiler;

import static dev.graft.test.GraftAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.compiler.Build;
import dev.graft.compiler.PluginCompiler;
import dev.graft.test.it.FixedBuild;
import dev.graft.test.it.Settings;

/** A compile that outlives the configured deadline fails with a diagnostic; the caller is not held. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class DeadlineIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService
    PluginCompiler compiler;

    @InjectService
    ConfigurationAdmin configurationAdmin;

    @Test
    void compileThatOutlivesTheDeadlineFailsWithADiagnostic() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        try (Settings deadline = Settings.compileDeadline(configurationAdmin, context, 300L)) {
            long start = System.nanoTime();
            Build build = compiler.compile(Plugins.plugin("slow.plugin", "src/com/acme/A.java",
                "package com.acme;\n\npublic class A {\n    slow.Thing thing;\n}\n"), compiler.defaultOptions(), List.of(stuckBuild(stuck)));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals("<plugin>: error: compiling and packaging took longer than the deadline of 300 ms (compileDeadlineMillis)",
                Plugins.onlyError(build).toString());
            assertTrue(millis < 5_000, "the caller waited " + millis + " ms");
        } finally {
            stuck.countDown();
        }
        Build after = compiler.compile(Plugins.plugin("fast.plugin", "src/com/acme/A.java", Plugins.hello("A")));
        assertThat(after).hasNoErrors();
    }

    /** A batch build exporting package {@code slow} whose bundle is only handed out once the latch opens. */
    private static FixedBuild stuckBuild(CountDownLatch latch) {
        return FixedBuild.exporting("slow", () -> {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("released");
        });
    }
}
