package dev.graft.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One compile+package in a fresh JVM, for the "first call" figures: {@code FirstCall ecj|javac
 * CLASSES JAR...} builds a generated plugin of CLASSES classes against the given jars with the
 * reference pipeline and prints {@code first-call-ms=N}, the time of the first build including
 * setting the pipeline up (class loading, JIT warm-up), without the JVM's own start.
 */
public final class FirstCall {

    private FirstCall() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: FirstCall ecj|javac CLASSES JAR...");
            System.exit(2);
        }
        List<Path> jars = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            jars.add(Path.of(args[i]));
        }
        GeneratedPlugin plugin = new GeneratedPlugin("first" + args[1], Integer.parseInt(args[1]), 0);
        long begin = System.nanoTime();
        ReferencePipeline pipeline = args[0].equals("javac") ? new Javac(jars) : new RawEcj(jars);
        byte[] jar = pipeline.build(plugin).jar();
        double millis = (System.nanoTime() - begin) / 1e6;
        if (jar.length == 0) {
            throw new IllegalStateException("empty bundle");
        }
        System.out.printf(java.util.Locale.ROOT, "first-call-ms=%.1f%n", millis);
    }
}
