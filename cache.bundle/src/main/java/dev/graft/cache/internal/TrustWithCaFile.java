package dev.graft.cache.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS context of a remote cache given a CA file: a server is trusted when the JDK's trust store
 * trusts it, or else when the certificates of the PEM file do. Host names are still verified by the
 * HTTP client.
 */
final class TrustWithCaFile {

    private TrustWithCaFile() {
    }

    /**
     * @param pem a file of one or more PEM certificates
     * @return a TLS context trusting the JDK's store and those certificates
     * @throws IOException when the file cannot be read
     * @throws GeneralSecurityException when it holds no certificate
     */
    static SSLContext context(Path pem) throws IOException, GeneralSecurityException {
        KeyStore extra = KeyStore.getInstance(KeyStore.getDefaultType());
        extra.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int i = 0;
            for (Certificate c : java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                extra.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new CertificateException(pem + " holds no PEM certificate");
            }
        }
        X509TrustManager jdk = x509(null);
        X509TrustManager file = x509(extra);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] { new Either(jdk, file) }, null);
        return context;
    }

    private static X509TrustManager x509(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
            .map(X509TrustManager.class::cast).findFirst()
            .orElseThrow(() -> new GeneralSecurityException("no X.509 trust manager"));
    }

    /** Trusts what the first trusts, else what the second trusts. */
    private record Either(X509TrustManager first, X509TrustManager second) implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a remote cache client does not authenticate clients");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return Stream.concat(Arrays.stream(first.getAcceptedIssuers()), Arrays.stream(second.getAcceptedIssuers()))
                .toArray(X509Certificate[]::new);
        }
    }
}
