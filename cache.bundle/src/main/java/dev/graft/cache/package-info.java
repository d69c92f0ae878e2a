/**
 * The persistent cache of compiled source plugins: {@link dev.graft.cache.PluginCache}.
 *
 * <p>A build is stored under a {@link dev.graft.cache.CacheKey} (sources, compile options and host
 * fingerprint) and found again as a {@link dev.graft.cache.Lookup}: a hit with the bundle jar, or
 * a miss with its {@link dev.graft.cache.MissReason}.
 */
@Export
@Version("0.5.0")
package dev.graft.cache;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
