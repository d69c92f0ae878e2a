package dev.graft.host.internal.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.HostFingerprint;
import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.ProvenanceHeaders;

/**
 * A plugin bundle made by {@code graft compile} in another process. It is accepted only when its
 * provenance shows the same host fingerprint as this host (ocaml_plugin's "compile in one process,
 * load in another that runs the same executable").
 */
public final class PrecompiledJar {

    private PrecompiledJar() {
    }

    /**
     * @param jar the jar file
     * @param compiler the compiler: the host fingerprint, and whether the jar exports only what is its own
     * @return the jar ready to install, or why it is not
     */
    public static Prepared read(Path jar, PluginCompiler compiler) {
        HostFingerprint host = compiler.hostFingerprint();
        String fallbackName = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(jar);
        } catch (IOException e) {
            return Prepared.failed(fallbackName, jar, List.of(jar + ": cannot read: " + e.getMessage()));
        }
        BundleManifest manifest = BundleManifest.of(bytes);
        String name = manifest.symbolicName().isEmpty() ? fallbackName : manifest.symbolicName();
        String built = manifest.header(ProvenanceHeaders.HOST_FINGERPRINT);
        if (built.isEmpty()) {
            return Prepared.failed(name, jar, List.of(jar + ": not made by graft compile (no " + ProvenanceHeaders.HOST_FINGERPRINT + " header)"));
        }
        HostFingerprint theirs;
        try {
            theirs = HostFingerprint.parse(built);
        } catch (IllegalArgumentException e) {
            return Prepared.failed(name, jar, List.of(jar + ": unreadable " + ProvenanceHeaders.HOST_FINGERPRINT + " header: " + built));
        }
        if (!theirs.equals(host)) {
            return Prepared.failed(name, jar, List.of(jar + ": built by another host; " + differences(theirs, host)));
        }
        List<Diagnostic> ownership = compiler.exportOwnership(bytes);
        if (ownership.stream().anyMatch(Diagnostic::isError)) {
            return Prepared.built(jar, PluginBuilder.failed(name, manifest.sourceDigest(), System.nanoTime(), ownership, jar.toString()));
        }
        PluginBuilder.Result outcome = new PluginBuilder.Result(name, bytes, false, manifest.sourceDigest(), 0, List.of(), List.of());
        return Prepared.built(jar, outcome);
    }

    static String differences(HostFingerprint theirs, HostFingerprint ours) {
        List<String> diffs = new ArrayList<>();
        compare("Graft", theirs.graft(), ours.graft(), diffs);
        compare("ECJ", theirs.ecj(), ours.ecj(), diffs);
        compare("bndlib", theirs.bnd(), ours.bnd(), diffs);
        compare("Java", theirs.java(), ours.java(), diffs);
        return String.join(", ", diffs);
    }

    private static void compare(String part, String theirs, String ours, List<String> diffs) {
        if (!theirs.equals(ours)) {
            diffs.add(part + " " + theirs + " there, " + ours + " here");
        }
    }
}
