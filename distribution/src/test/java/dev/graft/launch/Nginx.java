package dev.graft.launch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx serving WebDAV PUT and GET on a free loopback port: the remote cache of the launcher
 * tests. Its configuration, logs and data stay in a temporary folder; it is stopped by the pid
 * started (SIGTERM, then SIGKILL). The configuration is the one the README shows.
 */
final class Nginx implements AutoCloseable {

    private final Path folder;
    private final int port;
    private final Process process;

    private Nginx(Path folder, int port, Process process) {
        this.folder = folder;
        this.port = port;
        this.process = process;
    }

    static Nginx start(Path folder) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Files.createDirectories(folder.resolve("data"));
        Files.createDirectories(folder.resolve("tmp"));
        Files.writeString(folder.resolve("nginx.conf"), """
            daemon off;
            user root;
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
                }
            }
            """.replace("FOLDER", folder.toString()).replace("PORT", Integer.toString(port)));
        Process process = new ProcessBuilder(executable(), "-p", folder.toString(), "-c", folder.resolve("nginx.conf").toString())
            .redirectErrorStream(true).redirectOutput(folder.resolve("nginx.out").toFile()).start();
        Nginx nginx = new Nginx(folder, port, process);
        try {
            nginx.awaitListening();
        } catch (IOException | RuntimeException e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    private void awaitListening() throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
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

    String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    Path data() {
        return folder.resolve("data");
    }

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
