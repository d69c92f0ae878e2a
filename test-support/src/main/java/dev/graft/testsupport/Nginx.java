package dev.graft.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx (Debian's package, with its WebDAV module) serving a cache folder on a free loopback
 * port, over HTTP or, given {@link TestCertificates}, HTTPS: the remote cache of the tests. Its
 * configuration, logs, temporary files and data stay in the folder it is given; it is stopped by the
 * pid started (SIGTERM, then SIGKILL after 10 s).
 *
 * <p>Paths: {@code /} reads and writes (the configuration the README shows); {@code /ro/} reads the
 * same folder and answers PUT with 403; {@code /broken/} answers 503.
 */
public final class Nginx implements AutoCloseable {

    private static final long START_NANOS = TimeUnit.SECONDS.toNanos(20);

    private final Path folder;
    private final int port;
    private final boolean https;
    private final Process process;

    private Nginx(Path folder, int port, boolean https, Process process) {
        this.folder = folder;
        this.port = port;
        this.https = https;
        this.process = process;
    }

    /**
     * @param folder an empty temporary folder
     * @return a running server on http://127.0.0.1:PORT/
     */
    public static Nginx start(Path folder) throws IOException, InterruptedException {
        return start(folder, Optional.empty());
    }

    /**
     * @param folder an empty temporary folder
     * @param certificates the server's certificate chain and key
     * @return a running server on https://127.0.0.1:PORT/
     */
    public static Nginx startHttps(Path folder, TestCertificates certificates) throws IOException, InterruptedException {
        return start(folder, Optional.of(certificates));
    }

    private static Nginx start(Path folder, Optional<TestCertificates> tls) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Files.createDirectories(folder.resolve("data"));
        Files.createDirectories(folder.resolve("tmp"));
        Files.writeString(folder.resolve("nginx.conf"), configuration(folder, port, tls, runsAsRoot()));
        Process process = new ProcessBuilder(executable(), "-p", folder.toString(), "-c", folder.resolve("nginx.conf").toString())
            .redirectErrorStream(true).redirectOutput(folder.resolve("nginx.out").toFile()).start();
        Nginx nginx = new Nginx(folder, port, tls.isPresent(), process);
        try {
            nginx.awaitListening();
        } catch (IOException | RuntimeException e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    /**
     * The configuration that the README shows, with the test's folder and port. Started as root,
     * nginx's workers run as {@code www-data} unless told otherwise and could not write a private
     * temporary folder: the {@code user} line keeps them root then.
     */
    static String configuration(Path folder, int port, Optional<TestCertificates> tls, boolean root) {
        String listen = tls.map(t -> "listen 127.0.0.1:PORT ssl;\n"
            + "        ssl_certificate " + t.serverChain() + ";\n"
            + "        ssl_certificate_key " + t.serverKey() + ";").orElse("listen 127.0.0.1:PORT;");
        return ((root ? "user root;\n" : "") + """
            daemon off;
            worker_processes 1;
            pid FOLDER/nginx.pid;
            error_log FOLDER/error.log;
            events { worker_connections 256; }
            http {
                access_log FOLDER/access.log;
                client_body_temp_path FOLDER/tmp/body;
                proxy_temp_path FOLDER/tmp/proxy;
                fastcgi_temp_path FOLDER/tmp/fastcgi;
                uwsgi_temp_path FOLDER/tmp/uwsgi;
                scgi_temp_path FOLDER/tmp/scgi;
                server {
                    LISTEN
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
            """).replace("LISTEN", listen).replace("FOLDER", folder.toString()).replace("PORT", Integer.toString(port));
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void awaitListening() throws IOException, InterruptedException {
        long end = System.nanoTime() + START_NANOS;
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("nginx exited with " + process.exitValue() + ": " + Files.readString(folder.resolve("nginx.out")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > end) {
                    throw new IOException("nginx did not listen on port " + port + " within 20 s");
                }
                Thread.sleep(20);
            }
        }
    }

    /** @return the base URL of the read-write root, ending with {@code /} */
    public String url() {
        return (https ? "https" : "http") + "://127.0.0.1:" + port + "/";
    }

    /** @return the base URL of the read-only path (PUT answers 403) */
    public String readOnlyUrl() {
        return url() + "ro/";
    }

    /** @return the base URL that answers 503 */
    public String brokenUrl() {
        return url() + "broken/";
    }

    /** @return the folder the server stores under ({@code cas/} and {@code ac/} appear there) */
    public Path data() {
        return folder.resolve("data");
    }

    /** @return the pid of the nginx master started */
    public long pid() {
        return process.pid();
    }

    /** @return the access log, for a failing assertion's message */
    public String accessLog() {
        try {
            return Files.readString(folder.resolve("access.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server: SIGTERM to the pid started, SIGKILL after 10 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
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

    /** @return Debian's nginx, also when /usr/sbin is not on the PATH */
    private static String executable() {
        return Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
    }
}
