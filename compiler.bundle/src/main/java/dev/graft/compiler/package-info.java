/**
 * Compiling source plugins into OSGi bundles inside the running framework.
 *
 * <p>A {@link dev.graft.compiler.SourcePlugin} is compiled with options
 * {@link dev.graft.compiler.CompileOptions} on a host identified by its
 * {@link dev.graft.compiler.HostFingerprint}.
 */
@Export
@Version("1.2.0")
package dev.graft.compiler;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
