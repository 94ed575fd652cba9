package org.switchboard.server.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A test CA, the certificates it issues, their PEM files, and TLS contexts over them. Its keys are
 * EC P-256, which are made in a millisecond where RSA keys take seconds on a loaded machine.
 */
final class TestPki {
    private static final char[] PASSWORD = "test".toCharArray();
    private static final Duration VALIDITY = Duration.ofDays(30);

    /** A key pair and its certificate chain (leaf first). */
    record Identity(KeyPair keys, List<X509Certificate> chain) {
        X509Certificate certificate() {
            return chain.get(0);
        }

        /** Writes {@code cert.pem} and {@code key.pem} under {@code dir}, replacing what is there. */
        Identity writeTo(Path cert, Path key) throws IOException, GeneralSecurityException {
            Files.createDirectories(cert.toAbsolutePath().getParent());
            Files.writeString(cert, Pem.certificates(chain), StandardCharsets.US_ASCII);
            Files.writeString(key, Pem.privateKey(keys.getPrivate()), StandardCharsets.US_ASCII);
            return this;
        }
    }

    private final String name;
    private final KeyPair keys;
    private final X509Certificate certificate;

    TestPki(String name) throws GeneralSecurityException {
        this.name = name;
        this.keys = ecKeys();
        this.certificate = CertificateIssuer.selfSigned(new CertificateIssuer.Subject(name, List.of(), List.of(), true,
                VALIDITY), keys);
    }

    X509Certificate certificate() {
        return certificate;
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    /** Writes the CA's certificate as a PEM file. */
    Path writeCertificate(Path file) throws IOException, GeneralSecurityException {
        Files.writeString(file, Pem.certificates(List.of(certificate)), StandardCharsets.US_ASCII);
        return file;
    }

    /** A server and client certificate for {@code commonName}, for localhost and 127.0.0.1. */
    Identity issue(String commonName) throws GeneralSecurityException {
        KeyPair pair = ecKeys();
        X509Certificate cert = CertificateIssuer.issue(new CertificateIssuer.Subject(commonName, List.of("localhost"),
                List.of(InetAddress.getLoopbackAddress()), false, VALIDITY), pair.getPublic(), name, keys.getPrivate());
        return new Identity(pair, List.of(cert, certificate));
    }

    /** A TLS client context trusting {@code trusted}, presenting {@code identity} if not null. */
    static SSLContext client(Identity identity, X509Certificate... trusted) throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, PASSWORD);
        for (int i = 0; i < trusted.length; i++) {
            trust.setCertificateEntry("trusted" + i, trusted[i]);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (identity != null) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, PASSWORD);
            keys.setKeyEntry("me", identity.keys().getPrivate(), PASSWORD,
                    identity.chain().toArray(new X509Certificate[0]));
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }
}
