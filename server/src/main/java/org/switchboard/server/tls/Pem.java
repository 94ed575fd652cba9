package org.switchboard.server.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes PEM files (RFC 7468): certificates, and unencrypted PKCS #8 private keys
 * ({@code BEGIN PRIVATE KEY}). Other key formats are refused with the command that converts them.
 * Stateless.
 */
public final class Pem {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    private static final String PRIVATE_KEY = "PRIVATE KEY";
    private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private Pem() {
    }

    /**
     * The certificates of a PEM file, in file order.
     *
     * @throws IOException if the file cannot be read, holds no certificate or a broken one
     */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Collection<? extends Certificate> read;
        try {
            read = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
        } catch (CertificateException e) {
            throw new IOException(file + " is not a PEM certificate file: " + e.getMessage(), e);
        }
        if (read.isEmpty()) {
            throw new IOException(file + " holds no certificate (expected -----BEGIN CERTIFICATE-----)");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate c : read) {
            certificates.add((X509Certificate) c);
        }
        return List.copyOf(certificates);
    }

    /**
     * The private key of a PEM file, as PKCS #8, for a key of the algorithm given (that of its
     * certificate's public key: RSA, EC, Ed25519).
     *
     * @throws IOException if the file cannot be read or holds no unencrypted PKCS #8 key of that algorithm
     */
    public static PrivateKey readPrivateKey(Path file, String algorithm) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            if (type.equals(PRIVATE_KEY)) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(2));
                try {
                    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                } catch (GeneralSecurityException e) {
                    throw new IOException(file + " does not hold a " + algorithm + " private key, the algorithm of "
                            + "the certificate's key: " + e.getMessage(), e);
                }
            }
            if (type.endsWith(PRIVATE_KEY)) {
                throw new IOException(file + " holds a key as " + type + "; convert it to unencrypted PKCS #8 with "
                        + "'openssl pkcs8 -topk8 -nocrypt -in " + file.getFileName() + " -out key.pem'");
            }
        }
        throw new IOException(file + " holds no private key (expected -----BEGIN PRIVATE KEY-----)");
    }

    /** The PEM text of certificates, in order. */
    public static String certificates(List<X509Certificate> certificates) throws CertificateException {
        StringBuilder out = new StringBuilder();
        for (X509Certificate c : certificates) {
            out.append(block("CERTIFICATE", c.getEncoded()));
        }
        return out.toString();
    }

    /** The PEM text of a private key, as PKCS #8. */
    public static String privateKey(PrivateKey key) {
        return block(PRIVATE_KEY, key.getEncoded());
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + ENCODER.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
