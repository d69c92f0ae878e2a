package dev.graft.compiler.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.jdt.core.compiler.CharOperation;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFileReader;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFormatException;
import org.eclipse.jdt.internal.compiler.env.INameEnvironment;
import org.eclipse.jdt.internal.compiler.env.NameEnvironmentAnswer;

import dev.graft.compiler.ImportPolicy;
import dev.graft.compiler.internal.BatchPackages.BatchExport;
import dev.graft.compiler.internal.PackageIndex.Exporter;

/**
 * What ECJ sees when it compiles a plugin: the JDK's {@code java.*} packages, the packages its
 * {@code lib/} jars embed (they are the plugin's own), the packages of the other builds of the batch, the compile-only annotations, and the packages exported by resolved
 * bundles (the highest version when several export one). Records which packages it served from
 * which exporter, so packaging can give imports their version ranges. A package the site's import
 * policy denies is not there; the environment records that it was asked for.
 *
 * <p>One instance serves one compile on one thread.
 */
final class FrameworkNameEnvironment implements INameEnvironment {

    private final JdkPackages jdk;
    private final BatchPackages batch;
    private final CompileOnlyPackages compileOnly;
    private final PackageIndex.Snapshot framework;
    private final Set<String> sourcePackages;
    private final Map<String, Exporter> servedFromFramework = new TreeMap<>();
    private final Map<String, BatchExport> servedFromBatch = new TreeMap<>();
    private final ImportPolicy policy;
    private final Map<String, String> denied = new TreeMap<>();

    private final Libraries libraries;

    FrameworkNameEnvironment(JdkPackages jdk, BatchPackages batch, CompileOnlyPackages compileOnly,
        PackageIndex.Snapshot framework, Set<String> sourcePackages, ImportPolicy policy) {
        this(jdk, batch, compileOnly, framework, sourcePackages, policy, Libraries.NONE);
    }

    FrameworkNameEnvironment(JdkPackages jdk, BatchPackages batch, CompileOnlyPackages compileOnly,
        PackageIndex.Snapshot framework, Set<String> sourcePackages, ImportPolicy policy, Libraries libraries) {
        this.libraries = libraries;
        this.policy = policy;
        this.jdk = jdk;
        this.batch = batch;
        this.compileOnly = compileOnly;
        this.framework = framework;
        this.sourcePackages = sourcePackages;
    }

    /** @return the framework packages that served at least one type, with the exporter used */
    Map<String, Exporter> servedFromFramework() {
        return servedFromFramework;
    }

    /** @return the packages the sources asked for that the import policy denies, with the rule that denies each */
    Map<String, String> denied() {
        return denied;
    }

    /** @return the batch packages that served at least one type */
    Map<String, BatchExport> servedFromBatch() {
        return servedFromBatch;
    }

    /**
     * @param packageName a package
     * @return whether some source of this environment has the package (the plugin's own aside)
     */
    boolean knows(String packageName) {
        return jdk.contains(packageName) || libraries.embeds(packageName) || batch.exporter(packageName) != null || compileOnly.contains(packageName)
            || !framework.exporters(packageName).isEmpty();
    }

    @Override
    public NameEnvironmentAnswer findType(char[][] compoundTypeName) {
        if (compoundTypeName == null || compoundTypeName.length < 2) {
            return null;
        }
        String packageName = CharOperation.toString(CharOperation.subarray(compoundTypeName, 0, compoundTypeName.length - 1));
        String path = new String(CharOperation.concatWith(compoundTypeName, '/')) + ".class";
        byte[] bytes = read(packageName, path);
        if (bytes == null) {
            return null;
        }
        try {
            return new NameEnvironmentAnswer(new ClassFileReader(bytes, path.toCharArray(), true), null);
        } catch (ClassFormatException e) {
            return null;
        }
    }

    @Override
    public NameEnvironmentAnswer findType(char[] typeName, char[][] packageName) {
        return findType(CharOperation.arrayConcat(packageName, typeName));
    }

    @Override
    public boolean isPackage(char[][] parentPackageName, char[] packageName) {
        String name = parentPackageName == null || parentPackageName.length == 0 ? new String(packageName)
            : CharOperation.toString(parentPackageName) + "." + new String(packageName);
        return jdk.isPackage(name) || libraries.isPackage(name) || framework.isPackage(name) || compileOnly.isPackage(name) || isBatchOrSource(name);
    }

    private boolean isBatchOrSource(String name) {
        String prefix = name + ".";
        for (String p : sourcePackages) {
            if (p.equals(name) || p.startsWith(prefix)) {
                return true;
            }
        }
        for (String p : batch.packages()) {
            if (p.equals(name) || p.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void cleanup() {
        // nothing held between compiles
    }

    private byte[] read(String packageName, String path) {
        if (libraries.embeds(packageName)) {
            return libraries.read(packageName, path);
        }
        if (!sourcePackages.contains(packageName)) {
            var rule = policy.denies(packageName);
            if (rule.isPresent()) {
                denied.putIfAbsent(packageName, rule.get());
                return null;
            }
        }
        if (jdk.contains(packageName)) {
            return jdk.read(packageName, path);
        }
        BatchExport fromBatch = batch.exporter(packageName);
        if (fromBatch != null) {
            byte[] bytes = batch.read(packageName, path);
            if (bytes != null) {
                servedFromBatch.put(packageName, fromBatch);
            }
            return bytes;
        }
        if (compileOnly.contains(packageName)) {
            return compileOnly.read(path);
        }
        List<Exporter> exporters = framework.exporters(packageName);
        if (exporters.isEmpty()) {
            return null;
        }
        // only the exporter a resolver would wire counts; a class it lacks does not exist
        Exporter best = exporters.get(0);
        byte[] bytes = best.classBytes(path);
        if (bytes != null) {
            servedFromFramework.putIfAbsent(packageName, best);
        }
        return bytes;
    }
}
