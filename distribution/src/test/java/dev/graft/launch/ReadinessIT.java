package dev.graft.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code graft run --once} in a real process, with plugins whose components wait for what nothing
 * in the load brings, beside the examples: each is reported waiting at once, not after the
 * component deadline (10 s), and the run succeeds.
 */
class ReadinessIT {

    private static final long COMPONENT_DEADLINE_MILLIS = 10_000;
    private static final Pattern ROW = Pattern.compile("^(\\S+)\\s+\\S+\\s+(\\S+)\\s+\\S+\\s+\\S+\\s+\\S+\\s+(\\d+)$", Pattern.MULTILINE);

    @TempDir
    Path tmp;

    private static void write(Path site, String name, String source) throws Exception {
        Path file = site.resolve(name + "/src/" + name + "/Main.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
    }

    @Test
    void componentsWaitingForAConfigurationOrAServiceNobodyProvidesAreReportedWithoutHoldingTheRun() throws Exception {
        Path site = Files.createDirectory(tmp.resolve("site"));
        write(site, "required", """
            package required;

            import org.osgi.service.component.annotations.Component;
            import org.osgi.service.component.annotations.ConfigurationPolicy;

            @Component(configurationPolicy = ConfigurationPolicy.REQUIRE, service = Main.class)
            public class Main {
            }
            """);
        write(site, "lonely", """
            package lonely;

            import java.util.function.LongSupplier;
            import org.osgi.service.component.annotations.Component;
            import org.osgi.service.component.annotations.Reference;

            @Component(immediate = true, service = Main.class)
            public class Main {
                @Reference
                LongSupplier nobodyProvidesThis;
            }
            """);
        GraftProcess.Result r = GraftProcess.run(tmp, "run", "--once", "--site", CommandsIT.EXAMPLES.toString(), "--site", site.toString(),
            "--cache", tmp.resolve("cache").toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("required: component required.Main waits for configuration PID required.Main"), r.out());
        assertTrue(r.out().contains("lonely: component lonely.Main waits for service java.util.function.LongSupplier"), r.out());
        Matcher row = ROW.matcher(r.out());
        int rows = 0;
        while (row.find()) {
            rows++;
            assertEquals("active", row.group(2), row.group());
            assertTrue(Long.parseLong(row.group(3)) < COMPONENT_DEADLINE_MILLIS, "its time holds no deadline wait: " + row.group());
        }
        assertEquals(9, rows, r.out());
        assertTrue(r.err().contains("graft: 9 loaded, 0 failed"), r.err());
    }
}
