package dev.graft.cache.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import dev.graft.cache.PluginCache;

/** The typed configuration of the cache service, PID {@value PluginCache#PID}. */
@ObjectClassDefinition(id = PluginCache.PID, name = "Graft plugin cache",
    description = "The persistent cache of compiled source plugins.")
public @interface CacheConfiguration {

    /** @return the cache directory; empty means $XDG_CACHE_HOME/graft, else ~/.cache/graft */
    @AttributeDefinition(description = "Cache directory. Empty: $XDG_CACHE_HOME/graft, else ~/.cache/graft.", required = false)
    String dir() default "";

    /** @return whether others may write the directory; otherwise such a directory is refused */
    @AttributeDefinition(description = "Allow a directory that the group or others can write. Whoever can write the cache runs code in every reader.")
    boolean shared() default false;

    /** @return hits only, never a write */
    @AttributeDefinition(description = "Serve hits only and never write (for example a cache pre-warmed into an image).")
    boolean readOnly() default false;

    /** @return keep entries of another host and let the wiring check decide */
    @AttributeDefinition(description = "When the cache was written by another host, keep its entries and reuse those whose wiring holds.")
    boolean tryOldCacheWithNewHost() default false;

    /** @return the most entries kept */
    @AttributeDefinition(description = "Most entries kept; least recently used are evicted.", min = "1")
    int maxEntries() default StoreSettings.DEFAULT_MAX_ENTRIES;

    /** @return the most bytes kept */
    @AttributeDefinition(description = "Most bytes of entries kept; least recently used are evicted.", min = "1")
    long maxBytes() default StoreSettings.DEFAULT_MAX_BYTES;

    /** @return the base URL of the remote cache; empty for none */
    @AttributeDefinition(description = "Base URL of an HTTP cache server in the layout of Bazel's remote cache (/cas/, /ac/): "
        + "nginx with WebDAV PUT, bazel-remote. Empty: no remote cache.", required = false)
    String remoteUrl() default "";

    /** @return look the remote cache up, never upload */
    @AttributeDefinition(description = "Only read the remote cache, never upload.")
    boolean remoteReadOnly() default false;

    /** @return the connect and response timeout of the remote cache */
    @AttributeDefinition(description = "Connect timeout, and time a response may take to begin, in milliseconds.", min = "1")
    long remoteTimeoutMillis() default RemoteSettings.DEFAULT_TIMEOUT_MILLIS;

    /** @return a file whose first line is "Bearer TOKEN" or "user:password" */
    @AttributeDefinition(description = "File whose first line is 'Bearer TOKEN' or 'user:password'. Empty: the environment's "
        + RemoteSettings.TOKEN_VARIABLE + " or " + RemoteSettings.BASIC_VARIABLE + ", else none.", required = false)
    String remoteCredentialsFile() default "";

    /** @return a PEM file of certificates trusted besides the JDK's trust store */
    @AttributeDefinition(description = "PEM file of CA certificates trusted for HTTPS besides the JDK's trust store.", required = false)
    String remoteCaFile() default "";
}
