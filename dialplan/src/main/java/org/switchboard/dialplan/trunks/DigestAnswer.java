package org.switchboard.dialplan.trunks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The credentials that answer a {@link DigestChallenge} (RFC 3261 §22.4, RFC 7616 §3.4 with
 * RFC 8760's SHA-256 for SIP): the value of an Authorization or Proxy-Authorization header.
 * Stateless; thread-safe.
 */
public final class DigestAnswer {
    private static final HexFormat HEX = HexFormat.of();

    private DigestAnswer() {
    }

    /**
     * @param method the request's method (for ACK and CANCEL, INVITE's, RFC 3261 §22.4)
     * @param digestUri the Request-URI as sent
     * @param nonceCount how many times this nonce was used, counting this one (RFC 7616 §3.4)
     * @param cnonce the client nonce, fresh for each answer
     */
    public static String header(DigestChallenge challenge, String username, String password, String method,
            String digestUri, int nonceCount, String cnonce) {
        String ha1 = hash(challenge.algorithm(), username + ':' + challenge.realm() + ':' + password);
        String ha2 = hash(challenge.algorithm(), method + ':' + digestUri);
        String nc = String.format("%08x", nonceCount);
        String response = challenge.qop() == null
                ? hash(challenge.algorithm(), ha1 + ':' + challenge.nonce() + ':' + ha2) // RFC 2069
                : hash(challenge.algorithm(), ha1 + ':' + challenge.nonce() + ':' + nc + ':' + cnonce + ':'
                        + challenge.qop() + ':' + ha2);
        StringBuilder h = new StringBuilder("Digest username=\"").append(quoted(username))
                .append("\", realm=\"").append(quoted(challenge.realm()))
                .append("\", nonce=\"").append(quoted(challenge.nonce()))
                .append("\", uri=\"").append(quoted(digestUri))
                .append("\", response=\"").append(response)
                .append("\", algorithm=").append(challenge.algorithm());
        if (challenge.qop() != null) {
            h.append(", qop=").append(challenge.qop()).append(", nc=").append(nc)
                    .append(", cnonce=\"").append(quoted(cnonce)).append('"');
        }
        if (challenge.opaque() != null) {
            h.append(", opaque=\"").append(quoted(challenge.opaque())).append('"');
        }
        return h.toString();
    }

    static String hash(String algorithm, String data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks " + algorithm + ", which every Java platform provides", e);
        }
    }

    private static String quoted(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
