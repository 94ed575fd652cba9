package org.switchboard.accounts.digest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of one {@code Digest} Authorization or Proxy-Authorization value (RFC 3261 §25.1
 * {@code digest-response}, RFC 7616 §3.4), unquoted. Immutable.
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
        String algorithm, String cnonce, String qop, String nc, String opaque) {

    /** Longest header value parsed; a credentials line is far shorter. */
    private static final int MAX_LENGTH = 4096;

    /**
     * Parses one header value.
     *
     * @return the credentials, or {@code null} if the scheme is not Digest
     * @throws IllegalArgumentException if the value is malformed or lacks username, realm, nonce, uri
     *     or response
     */
    public static DigestCredentials parse(String value) {
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Credentials too long");
        }
        String v = value.strip();
        int space = v.indexOf(' ');
        if (space < 0 || !v.substring(0, space).equalsIgnoreCase("Digest")) {
            return null;
        }
        Map<String, String> params = params(v, space + 1);
        DigestCredentials c = new DigestCredentials(params.get("username"), params.get("realm"), params.get("nonce"),
                params.get("uri"), params.get("response"), params.get("algorithm"), params.get("cnonce"),
                params.get("qop"), params.get("nc"), params.get("opaque"));
        if (c.username == null || c.realm == null || c.nonce == null || c.uri == null || c.response == null) {
            throw new IllegalArgumentException("Credentials lack username, realm, nonce, uri or response");
        }
        return c;
    }

    private static Map<String, String> params(String s, int start) {
        Map<String, String> params = new HashMap<>();
        int n = s.length();
        int i = start;
        while (i < n) {
            i = skipSpace(s, i);
            int nameStart = i;
            while (i < n && s.charAt(i) != '=' && s.charAt(i) != ',' && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            String name = s.substring(nameStart, i).toLowerCase(Locale.ROOT);
            i = skipSpace(s, i);
            if (name.isEmpty() || i >= n || s.charAt(i) != '=') {
                throw new IllegalArgumentException("Malformed auth-param");
            }
            i = skipSpace(s, i + 1);
            StringBuilder val = new StringBuilder();
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    val.append(s.charAt(i++));
                }
                if (i >= n) {
                    throw new IllegalArgumentException("Unterminated quoted string");
                }
                i++;
            } else {
                while (i < n && s.charAt(i) != ',' && !Character.isWhitespace(s.charAt(i))) {
                    val.append(s.charAt(i++));
                }
            }
            if (params.put(name, val.toString()) != null) {
                throw new IllegalArgumentException("Repeated auth-param " + name);
            }
            i = skipSpace(s, i);
            if (i < n) {
                if (s.charAt(i) != ',') {
                    throw new IllegalArgumentException("Expected ',' between auth-params");
                }
                i++;
            }
        }
        return params;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    @Override
    public String toString() {
        return "DigestCredentials[username=" + username + ", realm=" + realm + ", uri=" + uri + ", algorithm="
                + algorithm + "]";
    }
}
