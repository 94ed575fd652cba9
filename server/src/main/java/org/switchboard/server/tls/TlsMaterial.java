package org.switchboard.server.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A server's TLS identity and what it trusts: the private key, its certificate chain (server
 * certificate first) and the CAs client certificates must be signed by. Immutable.
 *
 * @param source where it was read from, for the log
 */
public record TlsMaterial(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> clientCas,
        String source) {
    /** The alias of the key in {@link #keyStore()}. */
    static final String ALIAS = "switchboard";

    public TlsMaterial {
        chain = List.copyOf(chain);
        clientCas = List.copyOf(clientCas);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("no certificate");
        }
    }

    /** The server certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The SHA-256 fingerprint of the server certificate, as phones and browsers show it ({@code AB:CD:...}). */
    public String fingerprint() {
        return fingerprint(certificate());
    }

    /** The SHA-256 fingerprint of a certificate in colon-separated upper-case hex. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /** A key store in memory holding the key and chain under {@link #ALIAS}, store and key with {@code password}. */
    KeyStore keyStore(char[] password) throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, password);
            store.setKeyEntry(ALIAS, key, password, chain.toArray(new X509Certificate[0]));
            return store;
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("Cannot create a key store in memory", e);
        }
    }
}
