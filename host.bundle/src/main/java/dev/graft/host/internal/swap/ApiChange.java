package dev.graft.host.internal.swap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

import dev.graft.compiler.BundleSummary;

/**
 * How a plugin's exported packages changed between its running bundle and a new build: packages
 * added or removed, versions raised or lowered, classes changed. Said in the report of a swap that
 * its dependants could not follow.
 */
final class ApiChange {

    private ApiChange() {
    }

    /**
     * @param old the running bundle
     * @param summary the new build's manifest summary
     * @param jar the new build's jar
     * @return one phrase per change, {@code com.example.greeter 1.0.0 -> 2.0.0}; empty when the exports are the same
     */
    static List<String> of(Bundle old, BundleSummary summary, byte[] jar) {
        Map<String, String> before = exports(old);
        Map<String, String> after = new TreeMap<>();
        for (String export : summary.exports()) {
            String[] parts = export.split(";", 2);
            java.util.regex.Matcher v = java.util.regex.Pattern.compile("version=\"?([^\";]+)").matcher(parts.length > 1 ? parts[1] : "");
            after.put(parts[0].trim(), v.find() ? org.osgi.framework.Version.parseVersion(v.group(1)).toString() : "0.0.0");
        }
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, String> e : before.entrySet()) {
            String now = after.get(e.getKey());
            if (now == null) {
                changes.add(e.getKey() + " is no longer exported");
            } else if (!now.equals(e.getValue())) {
                changes.add(e.getKey() + " " + e.getValue() + " -> " + now);
            } else {
                List<String> changed = changedClasses(old, jar, e.getKey());
                if (!changed.isEmpty()) {
                    changes.add(e.getKey() + " " + now + ": " + String.join(", ", changed) + " changed");
                }
            }
        }
        after.keySet().stream().filter(p -> !before.containsKey(p)).forEach(p -> changes.add(p + " " + after.get(p) + " is exported now"));
        return changes;
    }

    /** @return a sentence for the report: {@code its exports changed: ...}, or that they did not */
    static String describe(String plugin, List<String> changes) {
        return changes.isEmpty() ? "the exports of " + plugin + " are unchanged" : "the exports of " + plugin + " changed: " + String.join("; ", changes);
    }

    private static Map<String, String> exports(Bundle bundle) {
        Map<String, String> exports = new TreeMap<>();
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision != null) {
            for (BundleCapability c : revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                exports.put(String.valueOf(c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)),
                    String.valueOf(c.getAttributes().getOrDefault(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE, "0.0.0")));
            }
        }
        return exports;
    }

    /** The simple names of the classes of a package that differ between the bundle and the jar, or exist in one only. */
    private static List<String> changedClasses(Bundle old, byte[] jar, String packageName) {
        String folder = packageName.replace('.', '/') + "/";
        Map<String, byte[]> before = new TreeMap<>();
        Enumeration<URL> entries = old.findEntries(folder, "*.class", false);
        for (URL url : entries == null ? List.<URL>of() : Collections.list(entries)) {
            try (InputStream in = url.openStream()) {
                before.put(url.getPath().replaceFirst("^/", ""), in.readAllBytes());
            } catch (IOException e) {
                before.put(url.getPath().replaceFirst("^/", ""), new byte[0]);
            }
        }
        Map<String, byte[]> after = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                String name = e.getName();
                if (name.startsWith(folder) && name.endsWith(".class") && name.indexOf('/', folder.length()) < 0) {
                    after.put(name, in.readAllBytes());
                }
            }
        } catch (IOException e) {
            return List.of("its classes (unreadable jar)");
        }
        TreeSet<String> changed = new TreeSet<>();
        for (String path : union(before.keySet(), after.keySet())) {
            byte[] a = before.get(path);
            byte[] b = after.get(path);
            if (a == null || b == null || !java.util.Arrays.equals(a, b)) {
                changed.add(path.substring(folder.length(), path.length() - ".class".length()));
            }
        }
        return List.copyOf(changed);
    }

    private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
