package dev.graft.launch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * The runnable graft.jar this launcher runs from: the bundles under {@code graft/bundles/} and
 * the run properties of {@code graft/runtime.bndrun} (a copy of {@code cnf/runtime.bndrun}).
 */
final class Distribution {

    static final String BUNDLES = "graft/bundles/";
    /** The Servlet Whiteboard's bundles, installed only for {@code --http}. */
    static final String WEB_BUNDLES = "graft/web-bundles/";
    static final String RUNTIME = "graft/runtime.bndrun";

    private final Path jar;
    private final Map<String, String> runProperties;

    private Distribution(Path jar, Map<String, String> runProperties) {
        this.jar = jar;
        this.runProperties = runProperties;
    }

    /** Finds the jar the launcher class was loaded from. */
    static Distribution locate() throws IOException {
        Path jar;
        try {
            jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new IOException("cannot tell which jar the launcher runs from", e);
        }
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is not the graft.jar distribution (run the launcher with java -jar graft.jar)");
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry runtime = file.getJarEntry(RUNTIME);
            if (runtime == null) {
                throw new IOException(jar + " holds no " + RUNTIME);
            }
            try (InputStream in = file.getInputStream(runtime)) {
                return new Distribution(jar, RunProperties.parse(in));
            }
        }
    }

    /** @return the folder that holds graft.jar */
    Path home() {
        return jar.toAbsolutePath().getParent();
    }

    /** @return the framework properties of the runtime description */
    Map<String, String> runProperties() {
        return Collections.unmodifiableMap(runProperties);
    }

    /**
     * Installs every bundle of the distribution, in the order of their file names: by reference to
     * its extracted file when there is a folder for them, else (or when that fails) copied from
     * the jar.
     *
     * @param extracted where the bundles are extracted, or null to copy each from the jar
     * @param web whether to install the Servlet Whiteboard's bundles too
     */
    List<Bundle> install(BundleContext context, ExtractedBundles extracted, boolean web) throws IOException, BundleException {
        List<Bundle> installed = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            List<JarEntry> entries = new ArrayList<>();
            file.stream()
                .filter(e -> (e.getName().startsWith(BUNDLES) || web && e.getName().startsWith(WEB_BUNDLES)) && e.getName().endsWith(".jar"))
                .forEach(entries::add);
            entries.sort((a, b) -> a.getName().compareTo(b.getName()));
            if (entries.isEmpty()) {
                throw new IOException(jar + " holds no bundles under " + BUNDLES);
            }
            for (JarEntry entry : entries) {
                Bundle byReference = extracted == null ? null : installByReference(context, extracted, file, entry);
                installed.add(byReference != null ? byReference : installCopy(context, file, entry));
            }
        }
        if (extracted != null) {
            extracted.prune(java.time.Instant.now());
        }
        return installed;
    }

    private static Bundle installByReference(BundleContext context, ExtractedBundles extracted, JarFile file, JarEntry entry) {
        Path extractedFile;
        try {
            extractedFile = extracted.extract(file, entry);
        } catch (IOException e) {
            return null;
        }
        try {
            return context.installBundle("reference:" + extractedFile.toUri());
        } catch (BundleException e) {
            extracted.discard(extractedFile);
            return null;
        }
    }

    private static Bundle installCopy(BundleContext context, JarFile file, JarEntry entry) throws IOException, BundleException {
        try (InputStream in = file.getInputStream(entry)) {
            return context.installBundle("graft:runtime/" + entry.getName().substring(entry.getName().lastIndexOf('/') + 1), in);
        }
    }
}
