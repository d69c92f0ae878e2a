package dev.graft.compiler;


/**
 * What a compiled bundle depends on besides its sources: the versions of Graft, ECJ, bndlib and
 * Java. A bundle built on one host is reused on another only when their fingerprints are equal.
 *
 * @param graft the version of Graft's compiler bundle
 * @param ecj the version of the ECJ bundle
 * @param bnd the version of the bndlib bundle
 * @param java the full version of the running Java
 */
public record HostFingerprint(String graft, String ecj, String bnd, String java) {

    /** Symbolic name of the ECJ bundle. */
    public static final String ECJ_BSN = "org.eclipse.jdt.core.compiler.batch";
    /** Symbolic name of the bndlib bundle. */
    public static final String BNDLIB_BSN = "biz.aQute.bndlib";

    /**
     * A stable text form, used in cache keys, the cache's info file and provenance headers.
     *
     * @return for example {@code graft=0.1.0;ecj=3.46.100;bnd=7.2.3;java=17.0.15+6}
     */
    public String canonical() {
        return "graft=" + graft + ";ecj=" + ecj + ";bnd=" + bnd + ";java=" + java;
    }

    /**
     * Parses the text form made by {@link #canonical()}.
     *
     * @param text the canonical text
     * @return the fingerprint
     * @throws IllegalArgumentException when the text is not a canonical fingerprint
     */
    public static HostFingerprint parse(String text) {
        String[] parts = text.trim().split(";");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a host fingerprint: " + text);
        }
        String[] values = new String[4];
        String[] keys = { "graft=", "ecj=", "bnd=", "java=" };
        for (int i = 0; i < 4; i++) {
            if (!parts[i].startsWith(keys[i])) {
                throw new IllegalArgumentException("not a host fingerprint: " + text);
            }
            values[i] = parts[i].substring(keys[i].length());
        }
        return new HostFingerprint(values[0], values[1], values[2], values[3]);
    }
}
