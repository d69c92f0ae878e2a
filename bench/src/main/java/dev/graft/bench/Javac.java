package dev.graft.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * What users would pick instead: javac through {@code javax.tools} in process, sources and class
 * files in memory, then the same raw bnd analysis as the floor. Needs a JDK.
 */
public final class Javac implements ReferencePipeline {

    private final JavaCompiler javac;
    private final StandardJavaFileManager files;

    /** @param classpath the jars the sources compile against besides the JDK */
    public Javac(List<Path> classpath) throws java.io.IOException {
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java has no javac (a JRE, not a JDK)");
        }
        files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
    }

    @Override
    public String name() {
        return "javac + bnd";
    }

    @Override
    public SortedMap<String, byte[]> compile(GeneratedPlugin plugin) {
        List<JavaFileObject> units = new ArrayList<>();
        for (Map.Entry<String, String> e : plugin.sources().entrySet()) {
            units.add(new SimpleJavaFileObject(URI.create("mem:///" + e.getKey()), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return e.getValue();
                }
            });
        }
        SortedMap<String, byte[]> classes = new TreeMap<>();
        JavaFileManager memory = new ForwardingJavaFileManager<>(files) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
                String path = className.replace('.', '/') + ".class";
                return new SimpleJavaFileObject(URI.create("mem:///" + path), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return new ByteArrayOutputStream() {
                            @Override
                            public void close() {
                                classes.put(path, toByteArray());
                            }
                        };
                    }
                };
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok = javac.getTask(null, memory, diagnostics, List.of("--release", "17", "-g", "-proc:none"), null, units).call();
        if (!ok) {
            throw new IllegalStateException("javac: " + diagnostics.getDiagnostics().get(0));
        }
        return classes;
    }
}
