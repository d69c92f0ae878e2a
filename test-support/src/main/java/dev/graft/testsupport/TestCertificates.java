package dev.graft.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private certificate authority made for one test, and a server certificate it signed for
 * {@code 127.0.0.1} and {@code localhost}: made with the JDK's {@code keytool} (run as a process, as
 * an administrator would), then written as the PEM files a server and a client read. Nothing here is
 * trusted by the JDK's trust store.
 *
 * @param ca the CA's certificate (PEM): what a client is given to trust
 * @param serverChain the server's certificate followed by the CA's (PEM)
 * @param serverKey the server's private key (PEM, PKCS#8)
 */
public record TestCertificates(Path ca, Path serverChain, Path serverKey) {

    private static final String PASSWORD = "graft-test";
    private static final long KEYTOOL_SECONDS = 60;

    /**
     * @param folder an empty temporary folder; the files are written there
     * @return the CA and the server certificate it signed for 127.0.0.1 and localhost
     */
    public static TestCertificates make(Path folder) throws IOException, InterruptedException, GeneralSecurityException {
        return make(folder, "ip:127.0.0.1,dns:localhost");
    }

    /**
     * @param folder an empty temporary folder; the files are written there
     * @param names the server's names, as keytool's {@code san} extension takes them ({@code ip:...,dns:...})
     * @return the CA and the server certificate it signed for those names
     */
    public static TestCertificates make(Path folder, String names) throws IOException, InterruptedException, GeneralSecurityException {
        Files.createDirectories(folder);
        Path caStore = folder.resolve("ca.p12");
        Path serverStore = folder.resolve("server.p12");
        Path ca = folder.resolve("ca.pem");
        Path request = folder.resolve("server.csr");
        Path server = folder.resolve("server.pem");
        keytool(folder, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Graft test CA",
            "-ext", "bc:c", "-validity", "2", "-keystore", caStore.toString());
        keytool(folder, "-exportcert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(), "-file", ca.toString());
        keytool(folder, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=graft test server",
            "-validity", "2", "-keystore", serverStore.toString());
        keytool(folder, "-certreq", "-alias", "server", "-keystore", serverStore.toString(), "-file", request.toString());
        keytool(folder, "-gencert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(), "-infile", request.toString(),
            "-outfile", server.toString(), "-ext", "san=" + names, "-ext", "eku=serverAuth", "-validity", "2");
        Path chain = folder.resolve("server-chain.pem");
        Files.writeString(chain, Files.readString(server) + Files.readString(ca));
        Path key = folder.resolve("server-key.pem");
        Files.writeString(key, pem("PRIVATE KEY", privateKey(serverStore, "server").getEncoded()));
        return new TestCertificates(ca, chain, key);
    }

    private static void keytool(Path folder, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-noprompt"));
        Path log = folder.resolve("keytool.out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(KEYTOOL_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("keytool " + args[0] + " did not finish within " + KEYTOOL_SECONDS + " s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " exited with " + p.exitValue() + ": " + Files.readString(log));
        }
    }

    private static Key privateKey(Path store, String alias) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        return keys.getKey(alias, PASSWORD.toCharArray());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
            + new String(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encode(der), StandardCharsets.US_ASCII)
            + "\n-----END " + type + "-----\n";
    }
}
