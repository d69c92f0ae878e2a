package dev.graft.compiler.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code java.*} packages of the running Java, read from the modules of the boot layer. They
 * are never exported by a bundle, yet every plugin compiles against them.
 */
final class JdkPackages {

    private final Map<String, Module> modules = new HashMap<>();
    private final Set<String> packagesAndParents = new HashSet<>();

    JdkPackages() {
        for (Module m : ModuleLayer.boot().modules()) {
            for (ModuleDescriptor.Exports e : m.getDescriptor().exports()) {
                if (!e.isQualified() && e.source().startsWith("java.")) {
                    modules.put(e.source(), m);
                    PackageIndex.addWithParents(packagesAndParents, e.source());
                }
            }
        }
    }

    boolean contains(String packageName) {
        return modules.containsKey(packageName);
    }

    boolean isPackage(String name) {
        return packagesAndParents.contains(name);
    }

    /**
     * @param packageName a {@code java.*} package
     * @param path the class file path, for example {@code java/lang/Object.class}
     * @return the class file bytes, or null
     */
    byte[] read(String packageName, String path) {
        Module m = modules.get(packageName);
        if (m == null) {
            return null;
        }
        try (InputStream in = m.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
