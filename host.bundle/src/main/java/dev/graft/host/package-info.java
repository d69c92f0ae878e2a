/**
 * The host side of Graft: the record of loaded source plugins and the loader that fills it.
 */
@Export
@Version("1.2.0")
package dev.graft.host;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
