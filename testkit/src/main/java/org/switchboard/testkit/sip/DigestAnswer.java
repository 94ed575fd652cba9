package org.switchboard.testkit.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credentials a phone sends in answer to a digest challenge (RFC 3261 §22.4, RFC 7616 §3.4):
 * MD5, SHA-256 or SHA-512-256, with qop=auth when the challenge offers it and the RFC 2069 form
 * when it offers no qop. Written from the RFCs, not shared with the server's authenticator, so that
 * each checks the other. Stateless and thread-safe.
 */
public final class DigestAnswer {
    private DigestAnswer() {
    }

    /**
     * The credentials answering a challenge, in its realm and algorithm, with nonce count 00000001:
     * a WWW-Authenticate or Proxy-Authenticate value in, an Authorization or Proxy-Authorization
     * value out.
     *
     * @throws IllegalArgumentException if the challenge lacks realm or nonce, or names an algorithm
     *     this class does not know
     */
    public static String authorization(String challenge, String method, String uri, String user, String password,
            String cnonce) {
        String realm = param(challenge, "realm").orElseThrow(() -> new IllegalArgumentException("no realm in "
                + challenge));
        String nonce = param(challenge, "nonce").orElseThrow(() -> new IllegalArgumentException("no nonce in "
                + challenge));
        String algorithm = param(challenge, "algorithm").orElse("MD5");
        String digest = javaName(algorithm);
        boolean qopAuth = param(challenge, "qop").map(q -> q.toLowerCase(Locale.ROOT).matches("(.*,)?\\s*auth\\s*(,.*)?"))
                .orElse(false);
        String ha1 = hash(digest, user + ":" + realm + ":" + password);
        String ha2 = hash(digest, method + ":" + uri);
        String nc = "00000001";
        // RFC 7616 §3.4.1: with qop, the response covers nonce count, client nonce and qop as well.
        String response = qopAuth ? hash(digest, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)
                : hash(digest, ha1 + ":" + nonce + ":" + ha2);
        StringBuilder out = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri).append("\", response=\"")
                .append(response).append("\", algorithm=").append(algorithm);
        param(challenge, "opaque").ifPresent(o -> out.append(", opaque=\"").append(o).append('"'));
        if (qopAuth) {
            out.append(", cnonce=\"").append(cnonce).append("\", qop=auth, nc=").append(nc);
        }
        return out.toString();
    }

    private static String javaName(String algorithm) {
        return switch (algorithm.toUpperCase(Locale.ROOT)) {
            case "MD5" -> "MD5";
            case "SHA-256" -> "SHA-256";
            case "SHA-512-256" -> "SHA-512/256";
            default -> throw new IllegalArgumentException("digest algorithm " + algorithm + " is not supported here");
        };
    }

    private static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " missing from this Java runtime", e);
        }
    }

    /** A parameter of a challenge, quoted or not (RFC 7616 §3.3). */
    static Optional<String> param(String challenge, String name) {
        Matcher m = Pattern.compile("(?:^|[\\s,])" + Pattern.quote(name) + "\\s*=\\s*(?:\"([^\"]*)\"|([^\\s,]+))",
                Pattern.CASE_INSENSITIVE).matcher(challenge);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
    }
}
