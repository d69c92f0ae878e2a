package dev.graft.test.it.compiler;

import static dev.graft.test.GraftAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.test.it.FixedBuild;
import dev.graft.compiler.Build;
import dev.graft.compiler.PluginCompiler;

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
        Configuration configuration = configurationAdmin.getConfiguration("dev.graft.compiler", "?");
        CountDownLatch stuck = new CountDownLatch(1);
        try {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("compileDeadlineMillis", 300L);
            awaitModified(() -> configuration.update(properties));
            long start = System.nanoTime();
            Build build = compiler.compile(Plugins.plugin("slow.plugin", "src/com/acme/A.java",
                "package com.acme;\n\npublic class A {\n    slow.Thing thing;\n}\n"), compiler.defaultOptions(), List.of(stuckBuild(stuck)));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals("<plugin>: error: compiling and packaging took longer than the deadline of 300 ms (compileDeadlineMillis)",
                Plugins.onlyError(build).toString());
            assertTrue(millis < 5_000, "the caller waited " + millis + " ms");
        } finally {
            stuck.countDown();
            awaitModified(configuration::delete);
        }
        Build after = compiler.compile(Plugins.plugin("fast.plugin", "src/com/acme/A.java", Plugins.hello("A")));
        assertThat(after).hasNoErrors();
    }

    interface Action {
        void run() throws Exception;
    }

    /** Runs the action and waits until the compiler's service properties reflect the new configuration. */
    private void awaitModified(Action action) throws Exception {
        CountDownLatch modified = new CountDownLatch(1);
        ServiceListener listener = e -> {
            if (e.getType() == ServiceEvent.MODIFIED) {
                modified.countDown();
            }
        };
        context.addServiceListener(listener, "(objectClass=" + PluginCompiler.class.getName() + ")");
        try {
            action.run();
            assertTrue(modified.await(10, TimeUnit.SECONDS), "the compiler took the configuration");
        } finally {
            context.removeServiceListener(listener);
        }
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
