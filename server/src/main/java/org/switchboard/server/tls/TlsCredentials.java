package org.switchboard.server.tls;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.store.PrivateFiles;
import org.switchboard.server.config.TlsSettings;

/**
 * Where the server's certificate comes from: the PEM files of {@code --tls-cert} and {@code
 * --tls-key}, or else {@code tls/cert.pem} and {@code tls/key.pem} in the data directory, generated
 * self-signed on the first start that needs them; and the CAs of {@code --tls-client-ca}. Reads
 * files, so it is used at start and by the reload poller, never on an event loop. Immutable.
 */
public final class TlsCredentials {
    private static final Logger LOG = LoggerFactory.getLogger(TlsCredentials.class);
    /** The folder of the generated certificate in the data directory. */
    public static final String FOLDER = "tls";
    /** The generated certificate's file in {@link #FOLDER}. */
    public static final String CERTIFICATE = "cert.pem";
    /** The generated key's file in {@link #FOLDER}. */
    public static final String KEY = "key.pem";
    /** Long enough that phones which pinned it need no attention; it is not signed by anyone anyway. */
    static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(3650);

    private final Path certificate;
    private final Path key;
    private final List<Path> clientCas;
    private final boolean generated;

    /** The files of {@code settings}, or the generated ones under {@code dataDir}. */
    public TlsCredentials(TlsSettings settings, Path dataDir) {
        this.generated = settings.certificate().isEmpty();
        this.certificate = settings.certificate().orElse(dataDir.resolve(FOLDER).resolve(CERTIFICATE));
        this.key = settings.key().orElse(dataDir.resolve(FOLDER).resolve(KEY));
        this.clientCas = settings.clientCas();
    }

    /** The files whose changes mean the material must be read again. */
    public List<Path> files() {
        List<Path> files = new ArrayList<>(List.of(certificate, key));
        files.addAll(clientCas);
        return List.copyOf(files);
    }

    /**
     * Generates the self-signed certificate if none was configured and the data directory has none
     * yet, logging its fingerprint. Call once at start.
     *
     * @param domain a DNS name for the certificate besides {@code localhost}, or {@code null}
     */
    public void generateIfMissing(String domain) throws IOException, GeneralSecurityException {
        if (!generated || Files.exists(certificate) || Files.exists(key)) {
            return;
        }
        PrivateFiles.createSubdirectory(certificate.getParent());
        List<String> names = new ArrayList<>(List.of("localhost"));
        if (domain != null) {
            names.add(domain);
        }
        KeyPair keys = CertificateIssuer.newRsaKeyPair();
        X509Certificate cert = CertificateIssuer.selfSigned(new CertificateIssuer.Subject("Switchboard self-signed",
                names, interfaceAddresses(), false, SELF_SIGNED_VALIDITY), keys);
        Path dir = certificate.getParent();
        // the key is created readable by its owner only, before a byte of it is written
        Files.createFile(key, PrivateFiles.ownerOnlyFile(dir));
        Files.writeString(key, Pem.privateKey(keys.getPrivate()), StandardCharsets.US_ASCII);
        Files.writeString(certificate, Pem.certificates(List.of(cert)), StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE_NEW);
        LOG.info("Generated a self-signed TLS certificate in {} (valid {} days, for {} and this host's addresses); "
                + "SHA-256 fingerprint {}. Phones and browsers must be told to trust it, or give --tls-cert and "
                + "--tls-key", dir, SELF_SIGNED_VALIDITY.toDays(), String.join(", ", names),
                TlsMaterial.fingerprint(cert));
    }

    /**
     * Reads the certificate chain, its key and the client CAs, and checks that the key belongs to
     * the certificate.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    public TlsMaterial read() throws IOException {
        List<X509Certificate> chain = Pem.readCertificates(certificate);
        PrivateKey privateKey = Pem.readPrivateKey(key, chain.get(0).getPublicKey().getAlgorithm());
        requireMatch(privateKey, chain.get(0));
        List<X509Certificate> cas = new ArrayList<>();
        for (Path ca : clientCas) {
            cas.addAll(Pem.readCertificates(ca));
        }
        return new TlsMaterial(privateKey, chain, cas, generated ? "the generated " + certificate : certificate.toString());
    }

    /** Signs with the key and verifies with the certificate, which only the certificate's own key passes. */
    private void requireMatch(PrivateKey privateKey, X509Certificate cert) throws IOException {
        String algorithm = switch (privateKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> privateKey.getAlgorithm(); // EdDSA signs without a separate digest
        };
        try {
            byte[] probe = "switchboard".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IOException("The key in " + key + " is not the key of the certificate in " + certificate);
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot check the key in " + key + " against " + certificate + ": " + e.getMessage(), e);
        }
    }

    /** The host's global and site-local addresses, for the generated certificate's alternative names. */
    private static List<InetAddress> interfaceAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp()) {
                continue;
            }
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                if (!a.isLinkLocalAddress() && !(a instanceof Inet6Address six && six.getScopeId() != 0)) {
                    addresses.add(InetAddress.getByAddress(a.getAddress()));
                }
            }
        }
        return addresses;
    }
}
