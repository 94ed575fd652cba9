package org.switchboard.accounts.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digest algorithms we support, the stronger first (RFC 8760 §2, RFC 7616 §3.7). Which are
 * offered, and in what order, is configured; the server offers MD5 alone by default, as some phones
 * cannot register otherwise. The {@code -sess} variants and SHA-512-256 are not supported.
 * Stateless and thread-safe.
 */
public enum DigestAlgorithm {
    SHA_256("SHA-256", "SHA-256"),
    MD5("MD5", "MD5");

    private static final HexFormat HEX = HexFormat.of();

    private final String token;
    private final String jcaName;

    DigestAlgorithm(String token, String jcaName) {
        this.token = token;
        this.jcaName = jcaName;
    }

    /** The {@code algorithm=} token on the wire. */
    public String token() {
        return token;
    }

    /**
     * The algorithm for an {@code algorithm=} value, or {@code null} if we do not support it. An
     * absent value means MD5 (RFC 7616 §3.4).
     */
    public static DigestAlgorithm fromToken(String token) {
        if (token == null) {
            return MD5;
        }
        for (DigestAlgorithm a : values()) {
            if (a.token.equalsIgnoreCase(token)) {
                return a;
            }
        }
        return null;
    }

    /** H(data): the lower-case hex digest of the UTF-8 bytes of {@code data} (RFC 7616 §3.4.1). */
    public String hash(String data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance(jcaName).digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks " + jcaName + ", which every Java platform must provide", e);
        }
    }

    /** HA1 = H(username:realm:password) (RFC 7616 §3.4.2), what the user store keeps. */
    public String ha1(String username, String realm, String password) {
        return hash(username + ':' + realm + ':' + password);
    }

    /** HA2 = H(method:digest-uri) for qop=auth (RFC 7616 §3.4.3). */
    public String ha2(String method, String digestUri) {
        return hash(method + ':' + digestUri);
    }

    /** The expected response = KD(HA1, nonce:nc:cnonce:qop:HA2) (RFC 7616 §3.4.1). */
    public String response(String ha1, String nonce, String nc, String cnonce, String qop, String ha2) {
        return hash(ha1 + ':' + nonce + ':' + nc + ':' + cnonce + ':' + qop + ':' + ha2);
    }
}
