package dev.graft.compiler.internal;

import java.util.HashSet;
import java.util.Set;

import org.osgi.framework.Bundle;

/**
 * Annotation packages with CLASS retention that no bundle exports at run time (DS, metatype,
 * bundle and versioning annotations). The compiler bundle carries them privately, lists them in
 * its {@code Graft-Compile-Only-Packages} header and serves them to plugin sources from its own
 * entries, keeping the class files read (the bundle's content does not change while this
 * object lives).
 */
final class CompileOnlyPackages {

    static final String HEADER = "Graft-Compile-Only-Packages";

    private final Bundle self;
    private final Set<String> packages = new HashSet<>();
    private final Set<String> packagesAndParents = new HashSet<>();
    private final KeptClasses kept;

    CompileOnlyPackages(Bundle self, KeptClasses.Budget budget) {
        this.self = self;
        this.kept = new KeptClasses(budget);
        String header = self.getHeaders("").get(HEADER);
        if (header != null) {
            for (String p : header.split(",")) {
                if (!p.isBlank()) {
                    packages.add(p.trim());
                    PackageIndex.addWithParents(packagesAndParents, p.trim());
                }
            }
        }
    }

    boolean contains(String packageName) {
        return packages.contains(packageName);
    }

    boolean isPackage(String name) {
        return packagesAndParents.contains(name);
    }

    byte[] read(String path) {
        return kept.read(path, p -> Urls.bytes(self.getEntry(p)));
    }
}
