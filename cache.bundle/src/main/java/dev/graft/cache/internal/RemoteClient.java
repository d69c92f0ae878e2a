package dev.graft.cache.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GET and PUT against an HTTP cache server in the layout of Bazel's remote cache
 * ({@code /cas/SHA256}, {@code /ac/KEY}), with {@code java.net.http}. Every request is bounded: the
 * connect timeout, the time until the response begins, and in all at most three timeouts, so that a
 * server that accepts and never answers costs a bounded wait.
 */
final class RemoteClient {

    private final RemoteSettings settings;
    private final HttpClient client;

    /** A request that did not get the answer it needed. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        Failure(String message, int status, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        /** @return the HTTP status, or 0 when no response came (refused, timed out, broken) */
        int status() {
            return status;
        }

        /** @return whether the server refused a write for good (authentication, permission, size, method) */
        boolean refusal() {
            return status == 401 || status == 403 || status == 405 || status == 413;
        }
    }

    /**
     * @throws IOException when the CA file cannot be read
     * @throws GeneralSecurityException when it holds no certificate
     */
    RemoteClient(RemoteSettings settings) throws IOException, GeneralSecurityException {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NORMAL).version(HttpClient.Version.HTTP_1_1);
        if (settings.caFile().isPresent()) {
            builder.sslContext(TrustWithCaFile.context(settings.caFile().get()));
        }
        this.client = builder.build();
    }

    /**
     * @param path {@code cas/SHA256} or {@code ac/KEY}
     * @return the body of a 200, or null for a 404
     * @throws Failure for anything else
     */
    byte[] get(String path) throws Failure {
        HttpResponse<byte[]> response = send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 200) {
            return response.body();
        }
        if (response.statusCode() == 404) {
            return null;
        }
        throw new Failure("GET " + uri(path) + " answered " + response.statusCode(), response.statusCode(), null);
    }

    /**
     * @param path {@code cas/SHA256} or {@code ac/KEY}
     * @param body what to store there
     * @throws Failure unless the server answers 2xx
     */
    void put(String path, byte[] body) throws Failure {
        HttpResponse<Void> response = send(request(path).PUT(HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", "application/octet-stream").build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new Failure("PUT " + uri(path) + " answered " + response.statusCode(), response.statusCode(), null);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(settings.timeout());
        settings.authorization().ifPresent(a -> b.header("Authorization", a));
        return b;
    }

    private URI uri(String path) {
        return settings.base().resolve(path);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws Failure {
        CompletableFuture<HttpResponse<T>> response = client.sendAsync(request, body);
        try {
            return response.get(3 * settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new Failure(request.method() + " " + request.uri() + " timed out", 0, e);
        } catch (ExecutionException e) {
            throw new Failure(request.method() + " " + request.uri() + " failed: " + e.getCause(), 0, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.cancel(true);
            throw new Failure(request.method() + " " + request.uri() + " interrupted", 0, e);
        }
    }
}
