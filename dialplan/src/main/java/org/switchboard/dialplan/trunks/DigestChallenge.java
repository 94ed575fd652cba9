package org.switchboard.dialplan.trunks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.core.message.HeaderField;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipResponse;

/**
 * One Digest challenge of a 401's WWW-Authenticate or a 407's Proxy-Authenticate (RFC 3261 §22.1,
 * RFC 7616 §3.3). Immutable.
 *
 * @param proxy whether it came in a 407, to be answered with Proxy-Authorization
 * @param algorithm {@code MD5} (also when absent, RFC 7616 §3.3) or {@code SHA-256}
 * @param qop {@code auth} when the server offered it, or {@code null} (RFC 2069 compatibility)
 * @param opaque to be returned unchanged, or {@code null}
 */
public record DigestChallenge(boolean proxy, String realm, String nonce, String algorithm, String qop, String opaque) {

    /**
     * The challenge to answer among those of {@code response}: the first with an algorithm we
     * support, SHA-256 before MD5 (RFC 8760 §2.4: a server lists its preferred first, a client
     * picks the first it supports); {@code null} if there is none.
     */
    public static DigestChallenge of(SipResponse response) {
        boolean proxy = response.statusCode() == 407;
        List<HeaderField> fields = response.headers().all(proxy ? HeaderName.PROXY_AUTHENTICATE
                : HeaderName.WWW_AUTHENTICATE);
        DigestChallenge md5 = null;
        for (HeaderField field : fields) {
            DigestChallenge c = parse(proxy, field.value());
            if (c != null && c.algorithm().equals("SHA-256")) {
                return c;
            }
            if (c != null && md5 == null) {
                md5 = c;
            }
        }
        return md5;
    }

    /** One header value, or {@code null} if it is not a Digest challenge we can answer. */
    static DigestChallenge parse(boolean proxy, String value) {
        String v = value.trim();
        if (v.length() < 7 || !v.substring(0, 6).equalsIgnoreCase("Digest") || !Character.isWhitespace(v.charAt(6))) {
            return null;
        }
        Map<String, String> params = params(v.substring(7));
        String algorithm = params.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
        if (!algorithm.equals("MD5") && !algorithm.equals("SHA-256")) {
            return null;
        }
        String nonce = params.get("nonce");
        String realm = params.get("realm");
        if (nonce == null || realm == null) {
            return null;
        }
        String qop = null;
        String offered = params.get("qop");
        if (offered != null) {
            for (String option : offered.split(",")) {
                if (option.trim().equalsIgnoreCase("auth")) {
                    qop = "auth";
                }
            }
            if (qop == null) {
                return null; // only auth-int offered, which we do not do
            }
        }
        return new DigestChallenge(proxy, realm, nonce, algorithm, qop, params.get("opaque"));
    }

    /** {@code name=token} and {@code name="quoted, string"} pairs separated by commas (RFC 3261 §25.1). */
    private static Map<String, String> params(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(s.charAt(i++));
                }
                i++;
            } else {
                while (i < n && s.charAt(i) != ',') {
                    value.append(s.charAt(i++));
                }
            }
            out.put(name, value.toString().trim());
        }
        return out;
    }
}
