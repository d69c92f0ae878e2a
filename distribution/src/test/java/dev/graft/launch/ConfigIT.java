package dev.graft.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin's config/ files in real {@code graft} processes: secrets from the environment, {@code check}'s listing, watch. */
class ConfigIT {

    private static final long WAIT = 60;
    private static final String SECRET = "s3cr3t-Graft-value";

    @TempDir
    Path tmp;
    Path site;
    Path cache;
    GraftProcess graft;

    @BeforeEach
    void plugin() throws Exception {
        site = Files.createDirectory(tmp.resolve("site"));
        cache = Files.createDirectory(tmp.resolve("cache"));
        Path file = site.resolve("sec/src/sec/Sec.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
            package sec;

            import org.osgi.framework.BundleContext;
            import org.osgi.service.component.annotations.Activate;
            import org.osgi.service.component.annotations.Component;
            import org.osgi.service.component.annotations.ConfigurationPolicy;
            import org.osgi.service.component.annotations.Modified;
            import org.osgi.service.metatype.annotations.Designate;
            import org.osgi.service.metatype.annotations.ObjectClassDefinition;

            @Component(configurationPid = "t.sec", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true, service = {})
            @Designate(ocd = Sec.Config.class)
            public class Sec {
                @ObjectClassDefinition
                public @interface Config {
                    int rate() default 1;
                    String password() default "";
                }

                @Activate
                void activate(Config c, BundleContext context) {
                    System.out.println("sec activated " + describe(c, context));
                }

                @Modified
                void modified(Config c, BundleContext context) {
                    System.out.println("sec modified " + describe(c, context));
                }

                private static String describe(Config c, BundleContext context) {
                    return "rate=" + c.rate() + " secret hash " + c.password().hashCode() + " in bundle " + context.getBundle().getBundleId();
                }
            }
            """);
        Files.createDirectories(site.resolve("sec/config"));
        Files.writeString(site.resolve("sec/config/t.sec.cfg"), "rate = 7\npassword = ${env:GRAFT_TEST_SECRET}\n");
    }

    @AfterEach
    void stop() throws Exception {
        if (graft != null && graft.process().isAlive()) {
            graft.process().destroy();
            graft.await(60);
        }
    }

    @Test
    void anEnvironmentSecretReachesTheComponentAndIsNeverPrintedNorCached() throws Exception {
        Map<String, String> env = Map.of("GRAFT_TEST_SECRET", SECRET);
        GraftProcess.Result run = GraftProcess.run(tmp, env, "run", "--once", "--site", site.toString(), "--cache", cache.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("sec activated rate=7 secret hash " + SECRET.hashCode()), run.out());

        GraftProcess.Result check = GraftProcess.run(tmp, env, "check", site.resolve("sec").toString());
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("  password = ***   (" + site.resolve("sec") + "/config/t.sec.cfg:2)"), check.out());
        assertTrue(check.out().contains("  rate = 7   (" + site.resolve("sec") + "/config/t.sec.cfg:1)"), check.out());
        GraftProcess.Result json = GraftProcess.run(tmp, env, "check", "--format", "json", site.resolve("sec").toString());
        assertTrue(json.out().contains("{\"key\":\"password\",\"value\":\"***\""), json.out());

        for (GraftProcess.Result r : List.of(run, check, json)) {
            assertFalse((r.out() + r.err()).contains(SECRET), "the secret is printed");
        }
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(SECRET), f + " holds the secret");
            }
        }
    }

    @Test
    void anUnsetVariableFailsThePluginAndNamesTheLine() throws Exception {
        GraftProcess.Result run = GraftProcess.run(tmp, "run", "--once", "--site", site.toString(), "--cache", cache.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue((run.out() + run.err()).contains("config/t.sec.cfg:2: error: password: the environment variable GRAFT_TEST_SECRET is not set"),
            run.out() + run.err());
    }

    @Test
    void deploymentFilesOverrideKeyByKeyAndCheckShowsWhereEachValueComesFrom() throws Exception {
        Path deploy = Files.createDirectories(tmp.resolve("deploy/sec"));
        Files.writeString(deploy.resolve("t.sec.cfg"), "# production\nrate = 12\n");
        GraftProcess.Result check = GraftProcess.run(tmp, Map.of(), "check", "--config", tmp.resolve("deploy").toString(),
            site.resolve("sec").toString());
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("  rate = 12   (" + deploy + "/t.sec.cfg:2)"), check.out());
        assertTrue(check.out().contains("  password = ***   (" + site.resolve("sec") + "/config/t.sec.cfg:2)"), check.out());
        GraftProcess.Result run = GraftProcess.run(tmp, Map.of("GRAFT_TEST_SECRET", SECRET), "run", "--once", "--site", site.toString(),
            "--cache", cache.toString(), "--config", tmp.resolve("deploy").toString());
        assertTrue(run.out().contains("sec activated rate=12 secret hash " + SECRET.hashCode()), run.out());
    }

    @Test
    void graftConfigNamesTheFileAndLineOfADefaultAndOfAnOverrideMasksTheSecretAndRefusesAnUnknownName() throws Exception {
        Path deploy = Files.createDirectories(tmp.resolve("deploy/sec"));
        Files.writeString(deploy.resolve("t.sec.cfg"), "# production\nrate = 12\n");
        Map<String, String> env = Map.of("GRAFT_TEST_SECRET", SECRET);

        GraftProcess.Result own = GraftProcess.run(tmp, env, "config", "sec", "--site", site.toString());
        assertEquals(0, own.exitCode(), own.out() + own.err());
        assertEquals("sec: configuration t.sec\n"
            + "  rate = 7   (" + site.resolve("sec") + "/config/t.sec.cfg:1)\n"
            + "  password = ***   (" + site.resolve("sec") + "/config/t.sec.cfg:2)\n", own.out());

        GraftProcess.Result overridden = GraftProcess.run(tmp, env, "config", "sec", "--site", site.toString(), "--config",
            tmp.resolve("deploy").toString());
        assertEquals(0, overridden.exitCode(), overridden.out() + overridden.err());
        assertTrue(overridden.out().contains("  rate = 12   (" + deploy + "/t.sec.cfg:2)\n"), overridden.out());
        assertTrue(overridden.out().contains("  password = ***   (" + site.resolve("sec") + "/config/t.sec.cfg:2)\n"), overridden.out());

        GraftProcess.Result json = GraftProcess.run(tmp, env, "config", "sec", "--site", site.toString(), "--config",
            tmp.resolve("deploy").toString(), "--format", "json");
        assertEquals(0, json.exitCode(), json.out() + json.err());
        assertTrue(json.out().contains("{\"key\":\"rate\",\"value\":\"12\",\"from\":\"" + deploy + "/t.sec.cfg:2\"}"), json.out());
        assertTrue(json.out().contains("{\"key\":\"password\",\"value\":\"***\""), json.out());

        GraftProcess.Result unknown = GraftProcess.run(tmp, env, "config", "nothing", "--site", site.toString());
        assertEquals(1, unknown.exitCode(), unknown.out() + unknown.err());
        assertEquals("graft: no site has a plugin named nothing", unknown.err().strip());

        for (GraftProcess.Result r : List.of(own, overridden, json, unknown)) {
            assertFalse((r.out() + r.err()).contains(SECRET), "the secret is printed");
        }
    }

    @Test
    void graftConfigAndCheckTextAndJsonNameAnInvalidValueAtItsLine() throws Exception {
        Files.writeString(site.resolve("sec/config/t.sec.cfg"), "rate = ten\npassword = ${env:GRAFT_TEST_SECRET}\n");
        GraftProcess.Result r = GraftProcess.run(tmp, "config", "sec", "--site", site.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains(site.resolve("sec") + "/config/t.sec.cfg:1: error: rate: \"ten\" is not an int"), r.err());

        GraftProcess.Result check = GraftProcess.run(tmp, "check", site.resolve("sec").toString());
        assertEquals(1, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains(site.resolve("sec") + "/config/t.sec.cfg:1: error: rate: \"ten\" is not an int"), check.out());
        GraftProcess.Result json = GraftProcess.run(tmp, "check", "--format", "json", site.resolve("sec").toString());
        assertEquals(1, json.exitCode(), json.out() + json.err());
        assertTrue(json.out().contains("{\"file\":\"" + site.resolve("sec") + "/config/t.sec.cfg\",\"line\":1,"), json.out());
        assertTrue(json.out().contains("\"severity\":\"error\",\"message\":\"rate: \\\"ten\\\" is not an int\"}"), json.out());
    }

    @Test
    void theShellsConfigCommandShowsWhatConfigurationAdminHoldsAndWhereEachValueCameFrom() throws Exception {
        Path deploy = Files.createDirectories(tmp.resolve("deploy/sec"));
        Files.writeString(deploy.resolve("t.sec.cfg"), "# production\nrate = 12\n");
        GraftProcess shell = GraftProcess.start(tmp, Map.of("GRAFT_TEST_SECRET", SECRET), "shell", "--site", site.toString(), "--cache",
            cache.toString(), "--config", tmp.resolve("deploy").toString());
        try (java.io.OutputStream in = shell.process().getOutputStream()) {
            in.write("graft:config sec\ngraft:config nothing\n".getBytes(StandardCharsets.UTF_8));
        }
        GraftProcess.Result r = shell.await(120);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("sec activated rate=12 secret hash " + SECRET.hashCode()), r.out());
        assertTrue(r.out().contains("sec: configuration t.sec\n"), r.out());
        assertTrue(r.out().contains("  rate = 12   (" + deploy + "/t.sec.cfg:2)\n"), r.out());
        assertTrue(r.out().contains("  password = ***   (" + site.resolve("sec") + "/config/t.sec.cfg:2)\n"), r.out());
        assertTrue(r.out().contains("no plugin named nothing is loaded"), r.out());
        assertFalse((r.out() + r.err()).contains(SECRET), "the secret is printed");
    }

    @Test
    void underWatchAConfigEditReconfiguresTheSameBundleAndABadEditKeepsTheOldConfiguration() throws Exception {
        graft = GraftProcess.start(tmp, Map.of("GRAFT_TEST_SECRET", SECRET), "run", "--watch", "--debounce", "200", "--site",
            site.toString(), "--cache", cache.toString());
        String activated = graft.awaitLine("sec activated rate=7", WAIT);
        String bundle = activated.substring(activated.lastIndexOf(' ') + 1);
        while (!graft.stderrSoFar().contains("graft: watching")) {
            Thread.sleep(20);
        }

        Files.writeString(site.resolve("sec/config/t.sec.cfg"), "rate = 9\npassword = ${env:GRAFT_TEST_SECRET}\n");
        String line = graft.awaitLine("graft: watch: sec changed", WAIT);
        assertTrue(line.matches("graft: watch: sec changed \\(config/t.sec.cfg\\) -> reconfigured bundle " + bundle + " in \\d+ ms"), line);
        graft.awaitLine("sec modified rate=9 secret hash " + SECRET.hashCode() + " in bundle " + bundle, WAIT);

        Files.writeString(site.resolve("sec/config/t.sec.cfg"), "rate = ten\npassword = ${env:GRAFT_TEST_SECRET}\n");
        String refused = graft.awaitLines("graft: watch: sec changed", 2, WAIT).get(0);
        assertTrue(refused.startsWith("graft: watch: sec changed (config/t.sec.cfg) -> configuration refused, bundle " + bundle
            + " keeps its configuration: " + site.resolve("sec") + "/config/t.sec.cfg:1: error: rate: \"ten\" is not an int"), refused);
        assertEquals(1, graft.stdoutSoFar().lines().filter(l -> l.startsWith("sec modified")).count(), "the bad edit reached the component");
        assertFalse(graft.stdoutSoFar().contains("swapped"), "a configuration edit swapped the plugin");
        assertFalse((graft.stdoutSoFar() + graft.stderrSoFar()).contains(SECRET), "the secret is printed");
    }
}
