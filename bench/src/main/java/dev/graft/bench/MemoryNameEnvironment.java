package dev.graft.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.eclipse.jdt.core.compiler.CharOperation;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFileReader;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFormatException;
import org.eclipse.jdt.internal.compiler.env.INameEnvironment;
import org.eclipse.jdt.internal.compiler.env.NameEnvironmentAnswer;

/**
 * The name environment of the raw ECJ reference: the JDK's {@code java.*} packages read from the
 * boot modules, and the classes of a few jars read into memory once. Class bytes are kept after
 * the first read, so a steady-state compile touches no file.
 */
final class MemoryNameEnvironment implements INameEnvironment {

    private final Map<String, Module> jdk = new HashMap<>();
    private final Set<String> packages = new HashSet<>();
    private final Map<String, byte[]> jarClasses = new HashMap<>();
    private final Map<String, byte[]> jdkClasses = new ConcurrentHashMap<>();
    private final Set<String> sourcePackages = new HashSet<>();

    MemoryNameEnvironment(List<Path> jars) {
        for (Module m : ModuleLayer.boot().modules()) {
            for (ModuleDescriptor.Exports e : m.getDescriptor().exports()) {
                if (!e.isQualified() && e.source().startsWith("java.")) {
                    jdk.put(e.source(), m);
                    addWithParents(e.source());
                }
            }
        }
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    String name = e.getName();
                    if (name.endsWith(".class") && name.indexOf('/') > 0 && !name.startsWith("META-INF/")) {
                        try (InputStream in = zip.getInputStream(e)) {
                            jarClasses.put(name, in.readAllBytes());
                        }
                        addWithParents(name.substring(0, name.lastIndexOf('/')).replace('/', '.'));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + jar, e);
            }
        }
    }

    /** Declares the packages of the sources being compiled, so that ECJ knows them as packages. */
    void sourcePackages(Set<String> names) {
        sourcePackages.clear();
        names.forEach(n -> {
            for (String p = n; !p.isEmpty(); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
                sourcePackages.add(p);
            }
        });
    }

    private void addWithParents(String name) {
        for (String p = name; !p.isEmpty(); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
            packages.add(p);
        }
    }

    @Override
    public NameEnvironmentAnswer findType(char[][] compoundTypeName) {
        if (compoundTypeName == null || compoundTypeName.length < 2) {
            return null;
        }
        String path = new String(CharOperation.concatWith(compoundTypeName, '/')) + ".class";
        byte[] bytes = read(path);
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
        return packages.contains(name) || sourcePackages.contains(name);
    }

    @Override
    public void cleanup() {
        // the class bytes stay for the next compile
    }

    private byte[] read(String path) {
        byte[] bytes = jarClasses.get(path);
        if (bytes != null) {
            return bytes;
        }
        int slash = path.lastIndexOf('/');
        Module m = jdk.get(path.substring(0, slash).replace('/', '.'));
        if (m == null) {
            return null;
        }
        return jdkClasses.computeIfAbsent(path, p -> {
            try (InputStream in = m.getResourceAsStream(p)) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                return null;
            }
        });
    }
}
