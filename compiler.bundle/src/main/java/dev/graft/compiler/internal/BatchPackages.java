package dev.graft.compiler.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.OSGiHeader;
import aQute.bnd.header.Parameters;
import dev.graft.compiler.Build;

/**
 * The packages exported by the other builds of a batch, which a plugin may compile against
 * although they are not installed. A build's jar is opened only when one of its classes is needed.
 */
final class BatchPackages {

    /**
     * One batch build's export of a package.
     *
     * @param packageName the package
     * @param version the package version, {@code 0.0.0} when none is declared
     * @param build the build
     */
    record BatchExport(String packageName, String version, Build build) {
    }

    private final Map<String, BatchExport> exports = new HashMap<>();
    private final Map<Build, Map<String, byte[]>> opened = new HashMap<>();

    BatchPackages(List<Build> batch) {
        for (Build b : batch) {
            if (!b.succeeded() || b.summary().isEmpty()) {
                continue;
            }
            Parameters p = OSGiHeader.parseHeader(String.join(",", b.summary().get().exports()));
            for (Map.Entry<String, Attrs> e : p.entrySet()) {
                String name = e.getKey().replace("~", "");
                String version = e.getValue().getVersion();
                exports.putIfAbsent(name, new BatchExport(name, version == null ? "0.0.0" : version, b));
            }
        }
    }

    BatchExport exporter(String packageName) {
        return exports.get(packageName);
    }

    Iterable<String> packages() {
        return exports.keySet();
    }

    /**
     * @param packageName an exported package of the batch
     * @param path the class file path
     * @return the class file bytes, or null
     */
    synchronized byte[] read(String packageName, String path) {
        BatchExport e = exports.get(packageName);
        if (e == null) {
            return null;
        }
        return opened.computeIfAbsent(e.build(), BatchPackages::entries).get(path);
    }

    private static Map<String, byte[]> entries(Build build) {
        Map<String, byte[]> entries = new HashMap<>();
        byte[] jar = build.bundle().orElseThrow(() -> new IllegalStateException("batch build " + build.name() + " has no bundle"));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                if (!entry.isDirectory() && entry.getName().endsWith(".class")) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the bundle of batch build " + build.name(), ex);
        }
        return entries;
    }
}
