/**
 * The benchmark harness: plugin generators, the reference pipelines the scenarios compare Graft
 * with (raw ECJ, raw bnd analysis, javac, a plain Felix launcher), sample statistics and the report.
 */
@Export
@Version("0.1.0")
package dev.graft.bench;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
