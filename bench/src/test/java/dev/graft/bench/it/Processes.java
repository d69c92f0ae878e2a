package dev.graft.bench.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Starts a process, times it from start to exit, and keeps each output line with when it came. */
final class Processes {

    /**
     * A finished process.
     *
     * @param wallMillis from start to exit
     * @param exitCode the exit code
     * @param lines stdout and stderr lines, each with the milliseconds since start when it was read
     */
    record Run(double wallMillis, int exitCode, List<Line> lines) {

        /** @return the first number that the pattern's group 1 matches in any line */
        double number(Pattern pattern) {
            for (Line l : lines) {
                Matcher m = pattern.matcher(l.text());
                if (m.find()) {
                    return Double.parseDouble(m.group(1));
                }
            }
            throw new IllegalStateException("no line matches " + pattern + " in:\n" + text());
        }

        /** @return when the first line matching the pattern came, in milliseconds since start */
        double timeOf(Pattern pattern) {
            return lines.stream().filter(l -> pattern.matcher(l.text()).find()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no line matches " + pattern + " in:\n" + text())).millis();
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            lines.forEach(l -> sb.append(l.text()).append('\n'));
            return sb.toString();
        }
    }

    /** A line of output and when it came. */
    record Line(double millis, String text) {
    }

    private Processes() {
    }

    /** Runs a command and fails naming its output when it exits non-zero. */
    static Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        long begin = System.nanoTime();
        Process p = pb.start();
        List<Line> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(new Line((System.nanoTime() - begin) / 1e6, line));
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        double wall = (System.nanoTime() - begin) / 1e6;
        Run run = new Run(wall, p.exitValue(), lines);
        if (run.exitCode() != 0) {
            throw new IllegalStateException("exit code " + run.exitCode() + " from " + command + ":\n" + run.text());
        }
        return run;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
