package dev.graft.cache.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the cache reaches its remote cache: the typed remote part of the configuration, with the
 * credentials resolved. Credentials come from the environment or a file, never from the URL (a
 * command line is visible to every user of the machine).
 *
 * @param base the base URL, ending with {@code /}; {@code cas/} and {@code ac/} are resolved against it
 * @param readOnly look up only, never upload
 * @param timeout the connect timeout, and the time a response may take to begin
 * @param authorization the value of the {@code Authorization} header, when credentials are given
 * @param caFile a PEM file of certificates trusted besides the JDK's trust store, for HTTPS
 */
public record RemoteSettings(URI base, boolean readOnly, Duration timeout, Optional<String> authorization, Optional<Path> caFile) {

    /** The default timeout: 2 seconds. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 2000;
    /** Environment variable holding a bearer token. */
    public static final String TOKEN_VARIABLE = "GRAFT_REMOTE_CACHE_TOKEN";
    /** Environment variable holding {@code user:password} for Basic authentication. */
    public static final String BASIC_VARIABLE = "GRAFT_REMOTE_CACHE_BASIC";

    public RemoteSettings {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(caFile, "caFile");
    }

    /**
     * @param url the base URL, {@code http} or {@code https}
     * @param readOnly look up only
     * @return settings without credentials and with the default timeout
     */
    public static RemoteSettings of(String url, boolean readOnly) {
        return of(url, readOnly, DEFAULT_TIMEOUT_MILLIS, "", "", Map.of()).orElseThrow();
    }

    /**
     * Reads the remote part of the configuration.
     *
     * @param url the base URL; empty for no remote cache
     * @param readOnly look up only
     * @param timeoutMillis connect and response timeout
     * @param credentialsFile a file whose first line is {@code Bearer TOKEN} or {@code user:password}; empty for none
     * @param caFile a PEM file of extra trusted certificates; empty for none
     * @param environment where {@value #TOKEN_VARIABLE} or {@value #BASIC_VARIABLE} may be set
     * @return the settings, or empty when {@code url} is empty
     * @throws IllegalArgumentException naming the property, file or variable that is wrong
     */
    public static Optional<RemoteSettings> of(String url, boolean readOnly, long timeoutMillis, String credentialsFile,
        String caFile, Map<String, String> environment) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI base;
        try {
            base = new URI(url.trim().endsWith("/") ? url.trim() : url.trim() + "/");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("remoteUrl " + url + " is not a URL: " + e.getMessage());
        }
        if (!"http".equalsIgnoreCase(base.getScheme()) && !"https".equalsIgnoreCase(base.getScheme()) || base.getHost() == null) {
            throw new IllegalArgumentException("remoteUrl " + url + " is not an http:// or https:// URL with a host");
        }
        if (base.getRawUserInfo() != null) {
            throw new IllegalArgumentException("remoteUrl " + base.getHost() + " carries credentials; give them in "
                + TOKEN_VARIABLE + ", " + BASIC_VARIABLE + " or remoteCredentialsFile instead");
        }
        if (timeoutMillis < 1) {
            throw new IllegalArgumentException("remoteTimeoutMillis must be at least 1: " + timeoutMillis);
        }
        Optional<Path> ca = caFile == null || caFile.isBlank() ? Optional.empty() : Optional.of(Path.of(caFile.trim()));
        return Optional.of(new RemoteSettings(base, readOnly, Duration.ofMillis(timeoutMillis),
            authorization(credentialsFile, environment), ca));
    }

    private static Optional<String> authorization(String credentialsFile, Map<String, String> environment) {
        if (credentialsFile != null && !credentialsFile.isBlank()) {
            Path file = Path.of(credentialsFile.trim());
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("remoteCredentialsFile " + file + " cannot be read: " + e);
            }
            String first = lines.isEmpty() ? "" : lines.get(0).strip();
            Optional<String> header = header(first);
            if (header.isEmpty()) {
                throw new IllegalArgumentException(file + ":1: expected 'Bearer TOKEN' or 'user:password'");
            }
            return header;
        }
        String token = environment.get(TOKEN_VARIABLE);
        if (token != null && !token.isBlank()) {
            return Optional.of("Bearer " + token.strip());
        }
        String basic = environment.get(BASIC_VARIABLE);
        if (basic != null && !basic.isBlank()) {
            if (basic.indexOf(':') <= 0) {
                throw new IllegalArgumentException(BASIC_VARIABLE + " must be user:password");
            }
            return header(basic.strip());
        }
        return Optional.empty();
    }

    private static Optional<String> header(String line) {
        if (line.regionMatches(true, 0, "Bearer ", 0, 7) && line.length() > 7) {
            return Optional.of("Bearer " + line.substring(7).strip());
        }
        if (line.indexOf(':') > 0) {
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(line.getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.empty();
    }

    /** @return the URL without path secrets, for messages */
    public String display() {
        return base.toString();
    }

    @Override
    public String toString() {
        return "RemoteSettings[" + base + (readOnly ? ", read-only" : "") + ", timeout " + timeout.toMillis() + " ms"
            + (authorization.isPresent() ? ", with credentials" : "") + caFile.map(f -> ", CA file " + f).orElse("") + "]";
    }
}
