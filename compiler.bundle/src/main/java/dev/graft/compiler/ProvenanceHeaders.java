package dev.graft.compiler;

/**
 * The manifest headers with which every bundle built by Graft says where it came from.
 */
public final class ProvenanceHeaders {

    /** SHA-256 of the plugin's sources in hex, see {@link SourcePlugin#digest()}; the content digest of a Graft bundle as an exporter. */
    public static final String SOURCE_DIGEST = "Graft-Source-Digest";
    /** The {@link HostFingerprint#canonical()} of the host that built the bundle. */
    public static final String HOST_FINGERPRINT = "Graft-Host-Fingerprint";
    /** The version of ECJ that compiled the classes. */
    public static final String ECJ_VERSION = "Graft-ECJ-Version";
    /** The version of bndlib that packaged the bundle. */
    public static final String BND_VERSION = "Graft-Bnd-Version";
    /** The {@link CompileOptions#canonical()} the classes were compiled with. */
    public static final String COMPILE_OPTIONS = "Graft-Compile-Options";

    private ProvenanceHeaders() {
    }
}
