/**
 * The persistent cache of compiled source plugins.
 */
@Export
@Version("0.1.0")
package dev.graft.cache;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
