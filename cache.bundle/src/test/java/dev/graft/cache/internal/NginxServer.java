package dev.graft.cache.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx with its WebDAV module, serving a cache folder on a free loopback port, configured
 * and logging in a temporary folder; stopped by the pid started (SIGTERM, then SIGKILL).
 * Paths: {@code /} reads and writes; {@code /ro/} reads the same folder and answers PUT with 403;
 * {@code /broken/} answers 503.
 */
final class NginxServer implements AutoCloseable {

    private final Path folder;
    private final int port;
    private Process process;

    private NginxServer(Path folder, int port) {
        this.folder = folder;
        this.port = port;
    }

    /** The configuration that the README shows, with the test's folder and port. */
    static String configuration(Path folder, int port) {
        return """
            daemon off;
            user root;
            worker_processes 1;
            pid FOLDER/nginx.pid;
            error_log FOLDER/error.log;
            events { worker_connections 64; }
            http {
                access_log FOLDER/access.log;
                client_body_temp_path FOLDER/tmp/body;
                proxy_temp_path FOLDER/tmp/proxy;
                fastcgi_temp_path FOLDER/tmp/fastcgi;
                uwsgi_temp_path FOLDER/tmp/uwsgi;
                scgi_temp_path FOLDER/tmp/scgi;
                server {
                    listen 127.0.0.1:PORT;
                    client_max_body_size 64m;
                    location / {
                        root FOLDER/data;
                        dav_methods PUT;
                        create_full_put_path on;
                        dav_access user:rw group:r all:r;
                    }
                    location /ro/ {
                        alias FOLDER/data/;
                        limit_except GET HEAD { deny all; }
                    }
                    location /broken/ {
                        return 503;
                    }
                }
            }
            """.replace("FOLDER", folder.toString()).replace("PORT", Integer.toString(port));
    }

    /**
     * @param folder an empty temporary folder
     * @return a running server
     */
    static NginxServer start(Path folder) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Files.createDirectories(folder.resolve("data"));
        Files.createDirectories(folder.resolve("tmp"));
        Files.writeString(folder.resolve("nginx.conf"), configuration(folder, port));
        NginxServer server = new NginxServer(folder, port);
        server.process = new ProcessBuilder(executable(), "-p", folder.toString(), "-c", folder.resolve("nginx.conf").toString())
            .redirectErrorStream(true).redirectOutput(folder.resolve("nginx.out").toFile()).start();
        try {
            server.awaitListening();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitListening() throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("nginx exited with " + process.exitValue() + ": " + Files.readString(folder.resolve("nginx.out")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > end) {
                    throw new IOException("nginx did not listen on port " + port + " within 20 s");
                }
                Thread.sleep(20);
            }
        }
    }

    /** @return the base URL of the read-write root */
    String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** @return the base URL of the read-only path (PUT answers 403) */
    String readOnlyUrl() {
        return url() + "ro/";
    }

    /** @return the base URL that answers 503 */
    String brokenUrl() {
        return url() + "broken/";
    }

    /** @return the folder the server stores under */
    Path data() {
        return folder.resolve("data");
    }

    /** Stops the server: SIGTERM to the pid started, SIGKILL after 10 s. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** @return the access log, for a failing assertion's message */
    String accessLog() {
        try {
            return Files.readString(folder.resolve("access.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return Debian's nginx, also when /usr/sbin is not on the PATH */
    private static String executable() {
        return Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
    }
}
