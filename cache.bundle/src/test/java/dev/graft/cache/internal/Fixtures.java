package dev.graft.cache.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import dev.graft.cache.CacheKey;
import dev.graft.compiler.Build;
import dev.graft.compiler.BundleSummary;
import dev.graft.compiler.CompileOptions;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.SourcePlugin;
import dev.graft.compiler.WiredPackage;

/** Plugins, keys, builds and bundle jars for the cache tests, made without a compiler. */
final class Fixtures {

    static final String HOST = "graft=0.1.0;ecj=3.46.100;bnd=7.2.3;java=17.0.15+6";
    static final String OTHER_HOST = "graft=0.2.0;ecj=3.46.100;bnd=7.2.3;java=21.0.2+13";
    static final List<WiredPackage> WIRING = List.of(
        new WiredPackage("org.osgi.framework", "org.apache.felix.framework", "7.0.5", "f00d"));

    private Fixtures() {
    }

    static SourcePlugin plugin(String name) {
        return SourcePlugin.of(name, Map.of("src/p/" + name.replace('-', '_') + ".java",
            ("package p; public class " + name.replace('-', '_') + " {}").getBytes(StandardCharsets.UTF_8)));
    }

    static CacheKey key(String name) {
        return Digests.key(plugin(name), CompileOptions.defaults(17), HOST);
    }

    static CacheKey key(String name, String host) {
        return Digests.key(plugin(name), CompileOptions.defaults(17), host);
    }

    /* Time stamps of jar entries: fixed, so that one name always gives the same bytes. */
    private static final long FIXED_TIME = 1_767_225_600_000L;

    /** A real bundle jar with an Import-Package header of real packages; its content depends on the name. */
    static byte[] jar(String name, int padding) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", name);
        main.putValue("Bundle-Version", "0.0.0");
        main.putValue("Import-Package", "org.osgi.framework;version=\"[1.10,2)\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            JarEntry manifestEntry = new JarEntry("META-INF/MANIFEST.MF");
            manifestEntry.setTime(FIXED_TIME);
            jar.putNextEntry(manifestEntry);
            manifest.write(jar);
            jar.closeEntry();
            JarEntry content = new JarEntry("p/" + name + ".txt");
            content.setTime(FIXED_TIME);
            jar.putNextEntry(content);
            jar.write(("plugin " + name + "\n").repeat(1 + padding).getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Build build(String name) {
        return new TestBuild(name, Optional.of(jar(name, 0)), WIRING);
    }

    static Build build(String name, int padding) {
        return new TestBuild(name, Optional.of(jar(name, padding)), WIRING);
    }

    static Build build(String name, List<WiredPackage> wiring) {
        return new TestBuild(name, Optional.of(jar(name, 0)), wiring);
    }

    static Build failedBuild(String name) {
        return new TestBuild(name, Optional.empty(), List.of());
    }

    /** A build as the compiler would hand it over. */
    record TestBuild(String name, Optional<byte[]> bundle, List<WiredPackage> compiledAgainst) implements Build {
        @Override
        public boolean succeeded() {
            return bundle.isPresent();
        }

        @Override
        public Optional<BundleSummary> summary() {
            return Optional.empty();
        }

        @Override
        public List<Diagnostic> diagnostics() {
            return List.of();
        }

        @Override
        public String sourceDigest() {
            return Digests.hex(name.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public long millis() {
            return 1;
        }
    }

    /** A clock that moves only when told, one second per tick. */
    static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }
    }

    /** Collects warnings so that tests can count them. */
    static final class RecordedWarnings implements Warnings {
        final List<String> messages = new ArrayList<>();

        @Override
        public synchronized void warn(String message, Throwable cause) {
            messages.add(message);
        }
    }

    static CacheStore store(StoreSettings settings, Warnings warnings) {
        return store(settings, HOST, WiringCheck.ANY, warnings);
    }

    static CacheStore store(StoreSettings settings, String host, WiringCheck wiring, Warnings warnings) {
        return new CacheStore(settings, host, wiring, new TickingClock(), warnings, AtomicFiles.Output.FILE_CHANNEL);
    }

    static CacheStore store(StoreSettings settings, Warnings warnings, java.time.Clock clock) {
        return new CacheStore(settings, HOST, WiringCheck.ANY, clock, warnings, AtomicFiles.Output.FILE_CHANNEL);
    }

    /** Every file under a directory with its size and modification time: equal snapshots mean nothing was written. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                files.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "dir " + Files.getLastModifiedTime(p)
                    : Files.size(p) + " " + Files.getLastModifiedTime(p) + " " + Digests.hex(Files.readAllBytes(p)));
            }
        }
        return files;
    }

    static List<String> temporaryFiles(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(AtomicFiles.TEMP_PREFIX)).toList();
        }
    }
}
