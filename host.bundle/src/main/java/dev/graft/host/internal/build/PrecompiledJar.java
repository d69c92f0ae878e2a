package dev.graft.host.internal.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.HostFingerprint;
import dev.graft.compiler.JarCheck;
import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.ProvenanceHeaders;

/**
 * A prebuilt bundle jar, read to be installed as it is. A jar given with {@code --jar} must be a
 * plugin bundle made by {@code graft compile} in another process, and is accepted only when its
 * provenance shows the same host fingerprint as this host (ocaml_plugin's "compile in one process,
 * load in another that runs the same executable"). A jar of a site folder may be any OSGi bundle
 * (as in FileInstall's deploy folder); when it carries Graft's provenance, the same check applies.
 * Either way the jar must be whole (never one still being written), and exports only what is its own.
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
        return read(jar, compiler, true);
    }

    /**
     * @param jar the jar file
     * @param compiler the compiler: the host fingerprint, and whether the jar exports only what is its own
     * @param graftOnly whether only a jar made by {@code graft compile} is accepted (a {@code --jar}),
     *        else any bundle (a jar of a site)
     * @return the jar ready to install, or why it is not
     */
    public static Prepared read(Path jar, PluginCompiler compiler, boolean graftOnly) {
        HostFingerprint host = compiler.hostFingerprint();
        String fallbackName = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(jar);
        } catch (IOException e) {
            return Prepared.failed(fallbackName, jar, List.of(jar + ": cannot read: " + e.getMessage()));
        }
        Optional<String> broken = JarCheck.problem(bytes);
        if (broken.isPresent()) {
            return Prepared.failed(fallbackName, jar, List.of(jar + ": " + broken.get()));
        }
        BundleManifest manifest = BundleManifest.of(bytes);
        String name = manifest.symbolicName().isEmpty() ? fallbackName : manifest.symbolicName();
        String built = manifest.header(ProvenanceHeaders.HOST_FINGERPRINT);
        if (!graftOnly && manifest.symbolicName().isEmpty()) {
            return Prepared.failed(name, jar, List.of(jar + ": not an OSGi bundle (its manifest has no Bundle-SymbolicName)"));
        }
        if (built.isEmpty() && !graftOnly) {
            return ownership(jar, bytes, name, manifest, compiler);
        }
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
        return ownership(jar, bytes, name, manifest, compiler);
    }

    private static Prepared ownership(Path jar, byte[] bytes, String name, BundleManifest manifest, PluginCompiler compiler) {
        List<Diagnostic> ownership = compiler.exportOwnership(bytes);
        if (ownership.stream().anyMatch(Diagnostic::isError)) {
            return Prepared.built(jar, PluginBuilder.failed(name, digest(manifest, bytes), System.nanoTime(), ownership, jar.toString()));
        }
        PluginBuilder.Result outcome = new PluginBuilder.Result(name, bytes, false, digest(manifest, bytes), 0, List.of(), List.of());
        return Prepared.built(jar, outcome);
    }

    /** Graft's source digest of a plugin bundle; for another bundle, the digest of its bytes. */
    private static String digest(BundleManifest manifest, byte[] bytes) {
        if (!manifest.sourceDigest().isEmpty()) {
            return manifest.sourceDigest();
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
