package dev.graft.bench;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.EmbeddedResource;
import aQute.bnd.osgi.Jar;

/**
 * The floor's packager: bndlib's {@code Builder} over the class files in memory, with what any
 * DS bundle needs (every package private, Import-Package with version ranges, DS descriptors).
 */
public final class RawBnd {

    private RawBnd() {
    }

    /**
     * Packages class files into a bundle.
     *
     * @param name the Bundle-SymbolicName
     * @param classes class bytes by entry path
     * @param versions exporter versions of imported packages
     * @return the jar bytes
     */
    public static byte[] pack(String name, SortedMap<String, byte[]> classes, Map<String, String> versions) throws Exception {
        Jar jar = new Jar("classes");
        TreeSet<String> packages = new TreeSet<>();
        classes.forEach((path, bytes) -> {
            jar.putResource(path, new EmbeddedResource(bytes, 0L));
            packages.add(path.substring(0, path.lastIndexOf('/')).replace('/', '.'));
        });
        try (Builder b = new Builder()) {
            b.addClasspath(jar);
            b.addClasspath(exports(versions));
            b.setProperty(Constants.BUNDLE_SYMBOLICNAME, name);
            b.setProperty(Constants.BUNDLE_VERSION, "0.0.0");
            b.setProperty(Constants.INCLUDEPACKAGE, String.join(",", packages));
            b.setProperty(Constants.DSANNOTATIONS, "*");
            b.setProperty(Constants.NOEXTRAHEADERS, "true");
            Jar built = b.build();
            if (!b.isOk()) {
                throw new IllegalStateException("bnd: " + b.getErrors());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            built.write(out);
            return out.toByteArray();
        }
    }

    private static Jar exports(Map<String, String> versions) {
        Jar jar = new Jar("exports");
        Manifest m = new Manifest();
        m.getMainAttributes().putValue("Manifest-Version", "1.0");
        m.getMainAttributes().putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        m.getMainAttributes().putValue(Constants.BUNDLE_SYMBOLICNAME, "exports");
        m.getMainAttributes().putValue(Constants.EXPORT_PACKAGE, versions.entrySet().stream()
            .map(e -> e.getKey() + ";version=\"" + e.getValue() + "\"").collect(Collectors.joining(",")));
        jar.setManifest(m);
        return jar;
    }
}
