package dev.graft.karaf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A stock Apache Karaf unpacked into a folder of its own, made offline, told to install features
 * at boot, and run headless as one process whose pid is known, so that it can always be stopped.
 */
final class KarafInstance implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final Path home;
    private Process process;

    private KarafInstance(Path home) {
        this.home = home;
    }

    /** Unpacks the Karaf archive (a tar.gz holding one top folder) into {@code folder}. */
    static KarafInstance unpack(Path archive, Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        run(folder, "tar", "xzf", archive.toString());
        try (var entries = Files.list(folder)) {
            List<Path> homes = entries.filter(p -> Files.isRegularFile(p.resolve("bin/karaf"))).toList();
            if (homes.size() != 1) {
                throw new IOException("expected one Karaf folder in " + folder + ", found " + homes);
            }
            return new KarafInstance(homes.get(0));
        }
    }

    Path home() {
        return home;
    }

    Path etc() {
        return home.resolve("etc");
    }

    /**
     * Resolves mvn: URLs from {@code repository} (a Maven repository folder, snapshots allowed)
     * after Karaf's own system folder, and from nowhere else: no remote repository, and a local
     * repository of its own instead of the user's.
     */
    void resolveOnlyFrom(Path repository) throws IOException {
        Path cfg = etc().resolve("org.ops4j.pax.url.mvn.cfg");
        String text = Files.readString(cfg);
        text = replaceProperty(text, "org.ops4j.pax.url.mvn.repositories", "");
        text = text.replace("@id=child.system.repository@snapshots",
                "@id=child.system.repository@snapshots, \\\n    "
                        + repository.toUri() + "@id=graft.build@snapshots");
        text += "\norg.ops4j.pax.url.mvn.localRepository = " + home.resolve("m2") + "\n"
                + "org.ops4j.pax.url.mvn.offline = true\n";
        Files.writeString(cfg, text);
    }

    /**
     * Adds a features repository and a feature to those Karaf installs at boot (what
     * {@code feature:repo-add} and {@code feature:install} do in a running Karaf), and leaves out
     * the boot features that listen on a port (ssh, management).
     */
    void installAtBoot(String featuresRepository, String feature) throws IOException {
        Path cfg = etc().resolve("org.apache.karaf.features.cfg");
        String text = Files.readString(cfg);
        String withRepository = text.replace("featuresRepositories = \\\n",
                "featuresRepositories = \\\n    " + featuresRepository + ", \\\n");
        String withFeature = withRepository.replace("featuresBoot = \\\n",
                "featuresBoot = \\\n    " + feature + ", \\\n");
        String withoutPorts = withFeature.replaceAll("(?m)^\\s*(ssh|management)/[^,\\n]*, \\\\\\n", "");
        if (withRepository.equals(text) || withFeature.equals(withRepository)) {
            throw new IOException("unexpected layout of " + cfg);
        }
        Files.writeString(cfg, withoutPorts);
    }

    /** Starts {@code bin/karaf server}: the script execs the JVM, so the process is Karaf itself. */
    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KARAF_EXEC", "exec");
        process = builder.start();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Whether Karaf logged that a feature it installs at boot failed to install. */
    boolean bootFailed() {
        try {
            Path log = home.resolve("data/log/karaf.log");
            return Files.exists(log) && Files.readString(log).contains("Error installing boot features");
        } catch (IOException e) {
            return false;
        }
    }

    /** The end of Karaf's log and console output, for a failure message. */
    String logTail() {
        StringBuilder tail = new StringBuilder();
        for (Path log : List.of(home.resolve("data/log/karaf.log"), home.resolve("console.log"))) {
            tail.append("\n--- ").append(log).append(" (end)\n");
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                lines.subList(Math.max(0, lines.size() - 60), lines.size()).forEach(l -> tail.append(l).append('\n'));
            } catch (IOException e) {
                tail.append("(unreadable: ").append(e).append(")\n");
            }
        }
        return tail.toString();
    }

    /** Stops Karaf by its pid: SIGTERM, then SIGKILL when it has not ended within the grace time. */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static String replaceProperty(String text, String key, String value) {
        // a property's value may continue over lines ending in a backslash
        String replaced = text.replaceAll("(?m)^" + key.replace(".", "\\.") + "\\s*=(?:.*\\\\\\n)*.*$",
                java.util.regex.Matcher.quoteReplacement(key + " = " + value));
        if (replaced.equals(text)) {
            throw new IllegalStateException("no property " + key);
        }
        return replaced;
    }

    private static void run(Path folder, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
