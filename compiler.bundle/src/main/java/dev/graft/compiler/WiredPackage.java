package dev.graft.compiler;

/**
 * A package a bundle was compiled against, and the bundle that exported it at the time.
 *
 * @param packageName the package
 * @param exporter the symbolic name of the exporting bundle ({@code system.bundle} for the framework)
 * @param exporterVersion the version of the exporting bundle
 * @param exporterDigest a digest of the exporting bundle's content, so that a changed bundle of
 *        the same name and version is noticed
 */
public record WiredPackage(String packageName, String exporter, String exporterVersion, String exporterDigest) {
}
