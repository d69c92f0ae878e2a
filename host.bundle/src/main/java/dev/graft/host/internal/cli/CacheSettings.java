package dev.graft.host.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import dev.graft.cache.PluginCache;

/**
 * Points the cache at the directory of {@code --cache DIR}, sets the limit of
 * {@code --cache-max-entries N} and the remote cache of {@code --remote-cache URL},
 * {@code --remote-cache-read-only} and {@code --remote-cache-ca FILE}, through Configuration Admin, and
 * waits until the cache uses them.
 */
final class CacheSettings {

    static final String PID = "dev.graft.cache";
    private static final long TAKE_NANOS = 10_000_000_000L;

    private CacheSettings() {
    }

    /**
     * @param dir the directory, or null to keep the configured one
     * @param maxEntries the most entries to keep, or null to keep the configured limit
     * @param remote the remote cache's base URL from {@link #remoteUrl}, or null to keep the configured one
     * @param remoteReadOnly whether to only read the remote cache (false keeps the configured setting)
     * @param caFile the PEM file of {@link #caFile}, or null to keep the configured one; given only with
     *        {@code remote}, whose change tells when the cache took both
     */
    static void use(ConfigurationAdmin cm, PluginCache cache, String dir, Integer maxEntries, String remote,
        boolean remoteReadOnly, String caFile) throws IOException {
        Path wanted = dir == null ? cache.directory().toAbsolutePath().normalize() : Path.of(dir).toAbsolutePath().normalize();
        int limit = maxEntries == null ? cache.maxEntries() : maxEntries;
        String url = remote == null ? cache.remoteStats().url() : remote;
        boolean readOnly = remoteReadOnly || cache.remoteStats().readOnly();
        if (taken(cache, wanted, limit, url, readOnly)) {
            return;
        }
        Configuration c = cm.getConfiguration(PID, "?");
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        if (dir != null) {
            props.put("dir", wanted.toString());
        }
        if (maxEntries != null) {
            props.put("maxEntries", maxEntries);
        }
        if (remote != null) {
            props.put("remoteUrl", remote);
        }
        if (remoteReadOnly) {
            props.put("remoteReadOnly", Boolean.TRUE);
        }
        if (caFile != null) {
            props.put("remoteCaFile", caFile);
        }
        c.update(props);
        long end = System.nanoTime() + TAKE_NANOS;
        while (!taken(cache, wanted, limit, url, readOnly)) {
            if (System.nanoTime() > end) {
                throw new IOException("the cache did not take the directory " + wanted + " with at most " + limit + " entries"
                    + (url.isEmpty() ? "" : " and the remote cache " + url + " (see the log for why)"));
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
    }

    private static boolean taken(PluginCache cache, Path directory, int maxEntries, String remote, boolean remoteReadOnly) {
        return cache.directory().toAbsolutePath().normalize().equals(directory) && cache.maxEntries() == maxEntries
            && cache.remoteStats().url().equals(remote) && cache.remoteStats().readOnly() == (remoteReadOnly && !remote.isEmpty());
    }

    /**
     * @param option the value of {@code --remote-cache-ca}, or null
     * @param remote the value of {@code --remote-cache}, or null
     * @return the absolute path of a readable file of PEM certificates, or null without the option
     * @throws UsageException when it is given without {@code --remote-cache}, cannot be read or holds no certificate
     */
    static String caFile(String option, String remote) throws UsageException {
        if (option == null) {
            return null;
        }
        if (remote == null) {
            throw new UsageException(CommandServices.REMOTE_CACHE_CA + " goes with " + CommandServices.REMOTE_CACHE + " URL");
        }
        Path file = Path.of(option).toAbsolutePath().normalize();
        try (InputStream in = Files.newInputStream(file)) {
            if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                throw new UsageException(CommandServices.REMOTE_CACHE_CA + " " + file + ": holds no PEM certificate");
            }
        } catch (IOException e) {
            throw new UsageException(CommandServices.REMOTE_CACHE_CA + " " + file + ": cannot be read (" + e + ")");
        } catch (CertificateException e) {
            throw new UsageException(CommandServices.REMOTE_CACHE_CA + " " + file + ": not PEM certificates (" + e.getMessage() + ")");
        }
        return file.toString();
    }

    /**
     * @param option the value of {@code --remote-cache}, or null
     * @return the base URL as the cache reports it (ending with {@code /}), or null without the option
     * @throws UsageException when it is not an http(s) URL with a host, or carries credentials
     */
    static String remoteUrl(String option) throws UsageException {
        if (option == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(option.endsWith("/") ? option : option + "/");
        } catch (URISyntaxException e) {
            throw new UsageException("--remote-cache " + option + " is not a URL: " + e.getMessage());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new UsageException("--remote-cache " + option + " is not an http:// or https:// URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UsageException("--remote-cache must not carry credentials (a command line is visible to every user);"
                + " set GRAFT_REMOTE_CACHE_TOKEN or GRAFT_REMOTE_CACHE_BASIC, or the cache's remoteCredentialsFile");
        }
        return uri.toString();
    }
}
