package dev.graft.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real graft.jar in a separate JVM, with a temporary folder of the test's own. */
final class GraftProcess {

    static final Path JAR = Path.of(System.getProperty("graft.jar", "target/graft.jar"));

    private final Path tmp;
    private final Process process;
    private final Path out;
    private final Path err;

    private GraftProcess(Path tmp, Process process, Path out, Path err) {
        this.tmp = tmp;
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static GraftProcess start(Path tmp, String... args) throws IOException {
        return start(tmp, java.util.Map.of(), args);
    }

    static GraftProcess start(Path tmp, java.util.Map<String, String> environment, String... args) throws IOException {
        return start(tmp, JAR, environment, List.of(), args);
    }

    /** Starts graft.jar with JVM options after the test's own (a {@code -Djava.io.tmpdir} among them wins). */
    static GraftProcess start(Path tmp, java.util.Map<String, String> environment, List<String> jvmOptions, String... args)
        throws IOException {
        return start(tmp, JAR, environment, jvmOptions, args);
    }

    /** Runs another copy of graft.jar to the end. */
    static Result runJar(Path tmp, Path jar, String... args) throws IOException, InterruptedException {
        return start(tmp, jar, java.util.Map.of(), List.of(), args).await(120);
    }

    private static GraftProcess start(Path tmp, Path jar, java.util.Map<String, String> environment, List<String> jvmOptions,
        String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.io.tmpdir=" + tmp);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("GRAFT_SITES");
        // the default compile cache and the extracted runtime stay in the test's folder, not the user's
        builder.environment().put("XDG_CACHE_HOME", tmp.resolve("xdg-cache").toString());
        builder.environment().putAll(environment);
        Process process = builder
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
        return new GraftProcess(tmp, process, out, err);
    }

    /** Runs to the end and returns the exit code. */
    static Result run(Path tmp, String... args) throws IOException, InterruptedException {
        return start(tmp, args).await(120);
    }

    static Result run(Path tmp, java.util.Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return start(tmp, environment, args).await(120);
    }

    Result await(long seconds) throws IOException, InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("graft did not finish within " + seconds + " s; stderr: " + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    Process process() {
        return process;
    }

    String stdoutSoFar() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    String stderrSoFar() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    /** Waits until standard output has a line that starts with the prefix; returns that line. */
    String awaitLine(String prefix, long seconds) throws IOException, InterruptedException {
        return awaitLines(prefix, 1, seconds).get(0);
    }

    /** Waits until standard output has the given number of lines that start with the prefix; returns the last of them. */
    List<String> awaitLines(String prefix, int count, long seconds) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            List<String> lines = stdoutSoFar().lines().filter(l -> l.startsWith(prefix)).toList();
            if (lines.size() >= count) {
                return lines.subList(count - 1, lines.size());
            }
            if (!process.isAlive() || System.nanoTime() > end) {
                throw new AssertionError("no line " + count + " starting with '" + prefix + "' within " + seconds + " s; stdout:\n"
                    + stdoutSoFar() + "\nstderr:\n" + stderrSoFar());
            }
            Thread.sleep(20);
        }
    }

    /** Waits until standard error contains the text. */
    void awaitStderr(String text, long seconds) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!stderrSoFar().contains(text)) {
            if (!process.isAlive() || System.nanoTime() > end) {
                throw new AssertionError("no '" + text + "' on stderr within " + seconds + " s; stderr:\n" + stderrSoFar());
            }
            Thread.sleep(20);
        }
    }

    Path tmp() {
        return tmp;
    }

    record Result(int exitCode, String out, String err) {
    }
}
