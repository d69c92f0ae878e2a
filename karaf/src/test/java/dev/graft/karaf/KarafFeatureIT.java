package dev.graft.karaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graft in a stock Apache Karaf: the features repository this build attaches, added and installed
 * through its mvn: URL from a Maven repository folder laid out from the build's outputs, and one
 * site given by a file {@code etc/dev.graft.site-demo.cfg}. One Karaf process serves every check
 * of this class; it is stopped by its pid after the last, also when a check fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KarafFeatureIT {

    /** Boot (about 12 s unloaded), the feature's install and the first compile of two plugins. */
    private static final Duration FIRST_LOAD = Duration.ofSeconds(60);
    private static final Duration SWAP = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    private static KarafInstance karaf;
    private static DemoSite site;
    /** Whether the first check saw the site load: the later checks build on it. */
    private static boolean loaded;

    @BeforeAll
    static void startKaraf() throws Exception {
        Path repository = Path.of(System.getProperty("graft.repository"));
        String groupId = System.getProperty("graft.groupId");
        String artifactId = System.getProperty("graft.artifactId");
        String version = System.getProperty("graft.version");
        // the features repository goes where `mvn install` would put it
        Path features = repository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version)
                .resolve(artifactId + "-" + version + "-features.xml");
        Files.createDirectories(features.getParent());
        Files.copy(Path.of(System.getProperty("graft.features")), features,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        karaf = KarafInstance.unpack(Path.of(System.getProperty("karaf.archive")), temp.resolve("karaf"));
        karaf.resolveOnlyFrom(repository);
        karaf.installAtBoot("mvn:" + groupId + "/" + artifactId + "/" + version + "/xml/features", "graft");
        site = new DemoSite(temp.resolve("plugins"), temp.resolve("answers"));
        site.write("v1");
        karaf.start();
        System.out.println("KarafFeatureIT: Karaf started, pid " + karaf.pid() + ", in " + karaf.home());
        // all a user writes: one configuration file per site
        Files.writeString(karaf.etc().resolve("dev.graft.site-demo.cfg"), "path = " + site.folder() + "\n");
    }

    @AfterAll
    static void stopKaraf() throws InterruptedException {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    @Order(1)
    void theSiteOfTheConfigurationFileLoadsBothPluginsActive() throws Exception {
        boolean answered = FolderWait.until(site.answer().getParent(), FIRST_LOAD,
                () -> read(site.answer()).startsWith("Hello v1") || karaf.bootFailed());
        assertTrue(answered && !karaf.bootFailed(), "no answer of greeter v1 in " + FIRST_LOAD + karaf.logTail());
        assertEquals("Hello v1, Karaf; api greeter-api active", read(site.answer()));
        assertEquals(List.of("activate v1"), events());
        loaded = true;
    }

    @Test
    @Order(2)
    void anEditedImplementationAnswersWithoutARestart() throws Exception {
        assertTrue(loaded, "the site never loaded");
        long pid = karaf.pid();
        site.writeImplementation("v2");
        boolean swapped = FolderWait.until(site.events().getParent(), SWAP,
                () -> events().contains("deactivate v1") && read(site.answer()).startsWith("Hello v2"));
        assertTrue(swapped, "greeter v2 did not replace v1 in " + SWAP + "; events " + events() + karaf.logTail());
        assertEquals("Hello v2, Karaf; api greeter-api active", read(site.answer()));
        // the new version ran beside the old one before the old one left
        assertEquals(List.of("activate v1", "activate v2", "deactivate v1"), events());
        assertTrue(karaf.isAlive() && karaf.pid() == pid, "Karaf restarted");
    }

    @Test
    @Order(3)
    void deletingTheConfigurationFileUnloadsTheSite() throws Exception {
        assertTrue(loaded, "the site never loaded");
        Files.delete(karaf.etc().resolve("dev.graft.site-demo.cfg"));
        boolean unloaded = FolderWait.until(site.events().getParent(), SWAP,
                () -> events().contains("deactivate v2"));
        assertTrue(unloaded, "greeter v2 still active after its configuration was deleted; events " + events()
                + karaf.logTail());
    }

    private static List<String> events() {
        return Files.exists(site.events()) ? List.of(read(site.events()).split("\n")) : List.of();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
