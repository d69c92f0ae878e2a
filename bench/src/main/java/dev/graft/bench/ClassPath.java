package dev.graft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The class path of the processes the harness starts, as Maven wrote it
 * ({@code bench/target/bench.classpath}), plus the bench classes themselves.
 *
 * @param jars the dependency jars
 * @param classes the bench module's class folder
 */
public record ClassPath(List<Path> jars, Path classes) {

    /**
     * Reads the class path Maven wrote into the bench module's target folder.
     *
     * @param target the bench module's {@code target} folder
     * @return the class path
     */
    public static ClassPath of(Path target) throws IOException {
        Path file = target.resolve("bench.classpath");
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is missing: run the benchmarks with -Pbench");
        }
        List<Path> jars = Arrays.stream(Files.readString(file).trim().split(java.io.File.pathSeparator))
            .filter(s -> !s.isBlank()).map(Path::of).toList();
        return new ClassPath(jars, target.resolve("classes"));
    }

    /**
     * @param artifactId the start of a jar's file name
     * @return the jar
     */
    public Path jar(String artifactId) {
        return jars.stream().filter(j -> j.getFileName().toString().startsWith(artifactId + "-")).findFirst()
            .orElseThrow(() -> new IllegalStateException("no " + artifactId + " jar on " + jars));
    }

    /** @return what generated plugins compile against besides the JDK: the OSGi core and DS annotation jars */
    public List<Path> pluginApi() {
        return List.of(jar("osgi.core"), jar("org.osgi.service.component.annotations"));
    }

    /** @return the class path string for {@code java -cp}: the bench classes and every dependency */
    public String asArgument() {
        return join(jars);
    }

    /** @return the class path string for the plain Felix launcher: the bench classes and Felix, nothing else */
    public String felixOnly() {
        return join(List.of(jar("org.apache.felix.framework")));
    }

    private String join(List<Path> entries) {
        StringBuilder sb = new StringBuilder(classes.toString());
        entries.forEach(j -> sb.append(java.io.File.pathSeparator).append(j));
        return sb.toString();
    }
}
