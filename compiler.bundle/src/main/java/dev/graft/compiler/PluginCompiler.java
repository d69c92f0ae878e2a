package dev.graft.compiler;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Compiles source plugins into OSGi bundles inside the running framework: ECJ compiles against
 * the packages that installed bundles export, bndlib packages the classes.
 *
 * <p>Every problem comes back as a {@link Diagnostic}; no method throws for bad sources.
 */
@ProviderType
public interface PluginCompiler {

    /**
     * Reads a source plugin folder: {@code bnd.bnd} (optional), {@code src/**} (or the folder
     * itself when it has no {@code src/}) and {@code resources/**}. The name comes from the
     * {@code Bundle-SymbolicName} of {@code bnd.bnd}, else the folder name, and is checked before
     * any file is read; so are the configured limits on file count and size. Entries that
     * {@link PluginFiles#isIgnored} names (hidden files, editor backups) are left out.
     *
     * @param folder the plugin folder
     * @return the plugin's content
     * @throws SourceException naming the folder and the cause when it cannot be read
     */
    SourcePlugin read(Path folder) throws SourceException;

    /**
     * Outlines a plugin without compiling it: the packages its sources declare, export and refer
     * to, found by ECJ's scanner and bnd (never by regular expressions). Plans use it to order
     * plugins by what they need of each other.
     *
     * @param plugin the plugin
     * @return its outline; never throws for bad sources (compiling them reports the problems)
     */
    SourceOutline outline(SourcePlugin plugin);

    /**
     * Compiles and packages a plugin with the configured options.
     *
     * @param plugin the plugin
     * @return the build; failed builds carry diagnostics and no bundle
     */
    Build compile(SourcePlugin plugin);

    /**
     * Compiles and packages a plugin.
     *
     * @param plugin the plugin
     * @param options the options to use instead of the configured ones
     * @param batch other builds of the same batch whose exported packages the plugin may use
     *        although they are not installed
     * @return the build
     */
    Build compile(SourcePlugin plugin, CompileOptions options, List<Build> batch);

    /**
     * Compiles and analyses a plugin and says whether its bundle would resolve in the running
     * framework. Nothing is produced and nothing is installed.
     *
     * @param plugin the plugin
     * @param batch other builds of the same batch
     * @return the result
     */
    CheckResult check(SourcePlugin plugin, List<Build> batch);

    /**
     * Compiles and analyses a plugin with the given options and says whether its bundle would
     * resolve in the running framework. Nothing is produced and nothing is installed.
     *
     * @param plugin the plugin
     * @param options the options to use instead of the configured ones
     * @param batch other builds of the same batch
     * @return the result
     */
    CheckResult check(SourcePlugin plugin, CompileOptions options, List<Build> batch);

    /**
     * Compiles a plugin and writes its bundle atomically to {@code target}. On failure nothing is
     * written and an existing file stays as it was.
     *
     * @param plugin the plugin
     * @param target the jar file to write
     * @return the build
     * @throws IOException when the file cannot be written (the build itself succeeded)
     */
    Build compileTo(SourcePlugin plugin, Path target) throws IOException;

    /** @return the options used when none are given */
    CompileOptions defaultOptions();

    /** @return the fingerprint of this host: Graft, ECJ, bndlib and Java versions */
    HostFingerprint hostFingerprint();

    /**
     * The exporter a resolver would wire for a package now, described as a build records it in
     * {@link Build#compiledAgainst()}: a cached build is still valid when each package it recorded
     * is still exported this way.
     *
     * @param packageName the package
     * @return the package with its exporter's name, version and content digest, or empty when no
     *         resolved bundle exports it
     */
    Optional<WiredPackage> exporterOf(String packageName);

    /**
     * Whether plugin sources can use a package without another plugin providing it: the JDK's
     * {@code java.*} packages, packages that resolved bundles export, and the compile-only
     * annotation packages the compiler carries itself.
     *
     * @param packageName a package name
     * @return whether the package is there for plugin sources
     */
    boolean isAvailable(String packageName);

    /**
     * Checks that a plugin bundle built earlier (a cache entry, a jar from {@code graft compile})
     * exports only what is its own, against the bundles installed now: the check a compile makes,
     * for a bundle that is installed without compiling.
     *
     * @param bundle the bundle's jar bytes
     * @return the packages it may not export (errors naming the package and its owner) and those
     *         another bundle exports too (warnings); empty when every export is its own
     * @since 0.3
     */
    List<Diagnostic> exportOwnership(byte[] bundle);
}
