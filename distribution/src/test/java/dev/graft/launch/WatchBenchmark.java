package dev.graft.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edit-to-serving latency of {@code graft run --watch} for a 1-class plugin: from writing the
 * file to the new version's activator printing, minus the debounce. Not part of {@code mvn verify}
 * (failsafe runs only {@code *IT} classes); run it with {@code mvn -B -q verify -pl distribution -am
 * -Dit.test=WatchBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}. Writes {@code distribution/target/watch-benchmark.md}.
 */
class WatchBenchmark {

    private static final int WARM_UP = 10;
    private static final int RUNS = 40;
    private static final long DEBOUNCE = 100;

    @TempDir
    Path tmp;

    private static void write(Path site, int version) throws Exception {
        Path file = site.resolve("timed/src/timed/Main.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
            package timed;

            public class Main implements org.osgi.framework.BundleActivator {
                public void start(org.osgi.framework.BundleContext context) {
                    System.out.println("timed %1$d started");
                }
                public void stop(org.osgi.framework.BundleContext context) {
                }
            }
            """.formatted(version));
    }

    @Test
    void editToServing() throws Exception {
        Path site = Files.createDirectory(tmp.resolve("site"));
        write(site, 0);
        GraftProcess graft = GraftProcess.start(tmp, "run", "--watch", "--debounce", Long.toString(DEBOUNCE), "--site", site.toString(),
            "--cache", tmp.resolve("cache").toString());
        try {
            graft.awaitLine("timed 0 started", 60);
            while (!graft.stderrSoFar().contains("graft: watching")) {
                Thread.sleep(10);
            }
            List<Long> serving = new ArrayList<>();
            List<Long> swap = new ArrayList<>();
            Pattern swapped = Pattern.compile("swapped in bundle \\d+ in (\\d+) ms");
            for (int i = 1; i <= WARM_UP + RUNS; i++) {
                long begin = System.nanoTime();
                write(site, i);
                String marker = "timed " + i + " started";
                while (!graft.stdoutSoFar().contains(marker)) {
                    Thread.sleep(1);
                }
                long nanos = System.nanoTime() - begin;
                Matcher m = swapped.matcher(graft.awaitLines("graft: watch: timed changed", i, 60).get(0));
                if (i > WARM_UP && m.find()) {
                    serving.add(nanos / 1_000_000 - DEBOUNCE);
                    swap.add(Long.parseLong(m.group(1)));
                }
                Thread.sleep(DEBOUNCE * 2);
            }
            Collections.sort(serving);
            Collections.sort(swap);
            String table = "| operation | median | min | max | n |\n|---|---:|---:|---:|---:|\n"
                + row("watch mode: edit to serving, minus the " + DEBOUNCE + " ms debounce", serving)
                + row("&nbsp;&nbsp;the whole swap as the watch line reports it (it goes on after the new version serves: the old one is retired)", swap);
            System.out.println(table);
            Files.writeString(Path.of("target", "watch-benchmark.md"), table);
        } finally {
            graft.process().destroy();
            graft.await(60);
        }
    }

    private static String row(String what, List<Long> sorted) {
        return String.format(Locale.ROOT, "| %s | %d ms | %d ms | %d ms | %d |%n", what, sorted.get(sorted.size() / 2), sorted.get(0),
            sorted.get(sorted.size() - 1), sorted.size());
    }
}
