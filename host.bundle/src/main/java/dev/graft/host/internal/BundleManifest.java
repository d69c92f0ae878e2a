package dev.graft.host.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import dev.graft.compiler.Exporters;

/** The headers of a bundle jar held in memory. */
record BundleManifest(Attributes headers) {

    /** Header with the canonical host fingerprint of the host that built a plugin bundle. */
    static final String HOST_HEADER = "Graft-Host-Fingerprint";

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
        return header(Exporters.SOURCE_DIGEST_HEADER);
    }
}
