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
 *
 * <p>The class files read are kept, up to {@value #KEPT_BYTES} bytes, since they cannot change
 * while Java runs: every compile asks for the same few hundred of them. Safe for concurrent
 * compiles.
 */
final class JdkPackages {

    static final long KEPT_BYTES = 32L << 20;

    private final Map<String, Module> modules = new HashMap<>();
    private final Set<String> packagesAndParents = new HashSet<>();
    private final KeptClasses kept;

    JdkPackages() {
        this(KEPT_BYTES);
    }

    /** @param maxKeptBytes the most class file bytes kept (a class kept also counts a little for its name) */
    JdkPackages(long maxKeptBytes) {
        this.kept = new KeptClasses(new KeptClasses.Budget(maxKeptBytes));
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
        return kept.read(path, p -> {
            try (InputStream in = m.getResourceAsStream(p)) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                return null;
            }
        });
    }

    /** @return the class file bytes kept so far, with an allowance per class for its name */
    long keptBytes() {
        return kept.keptBytes();
    }
}
