package dev.graft.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the graft launcher gives plugins: the OSGi log on the console (one line an entry, with the
 * bundle's name), Event Admin, and the Servlet Whiteboard only for {@code --http}.
 */
class StandardServicesIT {

    @TempDir
    Path tmp;

    /** A plugin that logs, through DS logger injection, the bundles it sees, and sends an event it receives itself. */
    private Path probe() throws Exception {
        Path site = tmp.resolve("site");
        Path file = site.resolve("probe/src/probe/Probe.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
            package probe;

            import java.util.Arrays;
            import java.util.Map;
            import java.util.stream.Collectors;

            import org.osgi.framework.BundleContext;
            import org.osgi.service.component.annotations.Activate;
            import org.osgi.service.component.annotations.Component;
            import org.osgi.service.component.annotations.Reference;
            import org.osgi.service.event.Event;
            import org.osgi.service.event.EventAdmin;
            import org.osgi.service.log.Logger;
            import org.osgi.service.log.LoggerFactory;

            @Component(immediate = true)
            public class Probe {
                @Reference(service = LoggerFactory.class)
                Logger logger;
                @Reference
                EventAdmin events;

                @Activate
                void activate(BundleContext context) {
                    logger.info("bundles: {}", Arrays.stream(context.getBundles()).map(b -> b.getSymbolicName()).sorted()
                        .collect(Collectors.joining(" ")));
                    events.sendEvent(new Event("probe/said", Map.of("text", "hello")));
                }
            }
            """);
        Files.writeString(file.resolveSibling("Listener.java"), """
            package probe;

            import org.osgi.service.component.annotations.Component;
            import org.osgi.service.component.annotations.Reference;
            import org.osgi.service.event.Event;
            import org.osgi.service.event.EventHandler;
            import org.osgi.service.log.Logger;
            import org.osgi.service.log.LoggerFactory;

            @Component(property = "event.topics=probe/*")
            public class Listener implements EventHandler {
                @Reference(service = LoggerFactory.class)
                Logger logger;

                @Override
                public void handleEvent(Event event) {
                    logger.warn("event {} says {}", event.getTopic(), event.getProperty("text"));
                }
            }
            """);
        return site;
    }

    @Test
    void aPluginLogsThroughDsLoggerInjectionAndEventAdminDeliversWithoutWebBundles() throws Exception {
        Path site = probe();
        GraftProcess.Result r = GraftProcess.run(tmp, "run", "--once", "--site", site.toString(), "--cache", tmp.resolve("cache").toString());
        assertEquals(0, r.exitCode(), r.err());
        String bundles = r.err().lines().filter(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[probe\\] bundles: .*")).findFirst()
            .orElseThrow(() -> new AssertionError("no log line of the probe:\n" + r.err()));
        assertTrue(bundles.contains(" org.apache.felix.log ") && bundles.contains(" org.apache.felix.eventadmin "), bundles);
        assertFalse(bundles.contains("org.apache.felix.http.jetty"), "no web bundle is installed without --http: " + bundles);
        assertTrue(r.err().lines().anyMatch(l -> l.endsWith(" WARN  [probe] event probe/said says hello")), r.err());
        assertFalse(r.err().contains("BundleEvent") || r.err().contains("ServiceEvent"), "framework events stay out: " + r.err());
    }

    @Test
    void httpInstallsTheWhiteboardOnLoopback() throws Exception {
        Path site = probe();
        GraftProcess.Result r = GraftProcess.run(tmp, "run", "--once", "--http", "0", "--site", site.toString(), "--cache",
            tmp.resolve("cache").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().matches("(?s).*graft: serving HTTP at http://127\\.0\\.0\\.1:\\d+/ \\(Servlet Whiteboard\\)\n.*"), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.contains("[probe] bundles: ") && l.contains(" org.apache.felix.http.jetty ")), r.err());
    }

    @Test
    void aBadHttpValueIsAUsageError() throws Exception {
        GraftProcess.Result r = GraftProcess.run(tmp, "run", "--once", "--http", "eighty", "--site", tmp.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("graft run: --http takes a port (0 to 65535) or HOST:PORT, not eighty"), r.err());
    }
}
