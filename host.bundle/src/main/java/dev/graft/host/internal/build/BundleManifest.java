package dev.graft.host.internal.build;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import dev.graft.compiler.ProvenanceHeaders;

/** The headers of a bundle jar held in memory. */
record BundleManifest(Attributes headers) {

    static BundleManifest of(byte[] jar) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest m = in.getManifest();
            return new BundleManifest(m == null ? new Attributes() : m.getMainAttributes());
        } catch (IOException e) {
            return new BundleManifest(new Attributes());
        }
    }

    String header(String name) {
        String v = headers.getValue(name);
        return v == null ? "" : v;
    }

    String symbolicName() {
        return header("Bundle-SymbolicName").split(";")[0].trim();
    }

    String sourceDigest() {
        return header(ProvenanceHeaders.SOURCE_DIGEST);
    }
}
