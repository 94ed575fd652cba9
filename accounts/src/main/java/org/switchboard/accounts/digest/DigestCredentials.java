package org.switchboard.accounts.digest;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The parameters of one {@code Digest} Authorization or Proxy-Authorization value (RFC 3261 §25.1
 * {@code digest-response}, RFC 7616 §3.4), unquoted. Immutable.
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
        String algorithm, String cnonce, String qop, String nc, String opaque) {

    /** Longest header value parsed; a credentials line is far shorter. */
    private static final int MAX_LENGTH = 4096;
    private static final String[] NAMES = {"username", "realm", "nonce", "uri", "response", "algorithm", "cnonce",
        "qop", "nc", "opaque"};
    private static final int USERNAME = 0;
    private static final int REALM = 1;
    private static final int NONCE = 2;
    private static final int URI = 3;
    private static final int RESPONSE = 4;
    private static final int ALGORITHM = 5;
    private static final int CNONCE = 6;
    private static final int QOP = 7;
    private static final int NC = 8;
    private static final int OPAQUE = 9;

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
        String[] values = params(v, space + 1);
        DigestCredentials c = new DigestCredentials(values[USERNAME], values[REALM], values[NONCE], values[URI],
                values[RESPONSE], values[ALGORITHM], values[CNONCE], values[QOP], values[NC], values[OPAQUE]);
        if (c.username == null || c.realm == null || c.nonce == null || c.uri == null || c.response == null) {
            throw new IllegalArgumentException("Credentials lack username, realm, nonce, uri or response");
        }
        return c;
    }

    /**
     * The known parameters' values, indexed as {@link #NAMES}; other auth-params are checked and
     * skipped. Parsed in one pass without a map: every authenticated request parses a value, on an
     * event loop.
     */
    private static String[] params(String s, int start) {
        String[] values = new String[NAMES.length];
        Set<String> others = null;
        int n = s.length();
        int i = start;
        while (i < n) {
            i = skipSpace(s, i);
            int nameStart = i;
            while (i < n && s.charAt(i) != '=' && s.charAt(i) != ',' && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int nameEnd = i;
            i = skipSpace(s, i);
            if (nameEnd == nameStart || i >= n || s.charAt(i) != '=') {
                throw new IllegalArgumentException("Malformed auth-param");
            }
            i = skipSpace(s, i + 1);
            String value;
            if (i < n && s.charAt(i) == '"') {
                int end = closingQuote(s, i + 1);
                value = unescape(s, i + 1, end);
                i = end + 1;
            } else {
                int valueStart = i;
                while (i < n && s.charAt(i) != ',' && !Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                value = s.substring(valueStart, i);
            }
            int known = known(s, nameStart, nameEnd);
            if (known >= 0) {
                if (values[known] != null) {
                    throw new IllegalArgumentException("Repeated auth-param " + NAMES[known]);
                }
                values[known] = value;
            } else {
                if (others == null) {
                    others = new HashSet<>();
                }
                String name = s.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
                if (!others.add(name)) {
                    throw new IllegalArgumentException("Repeated auth-param " + name);
                }
            }
            i = skipSpace(s, i);
            if (i < n) {
                if (s.charAt(i) != ',') {
                    throw new IllegalArgumentException("Expected ',' between auth-params");
                }
                i++;
            }
        }
        return values;
    }

    /** The index in {@link #NAMES} of the name {@code s[from, to)}, compared ignoring case, or -1. */
    private static int known(String s, int from, int to) {
        for (int k = 0; k < NAMES.length; k++) {
            String name = NAMES[k];
            if (name.length() == to - from && s.regionMatches(true, from, name, 0, name.length())) {
                return k;
            }
        }
        return -1;
    }

    /** The index of the quote that ends the quoted-string whose content starts at {@code from}. */
    private static int closingQuote(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (ch == '"') {
                return i;
            }
        }
        throw new IllegalArgumentException("Unterminated quoted string");
    }

    /** The content of a quoted-string with its quoted-pairs (RFC 3261 §25.1) resolved. */
    private static String unescape(String s, int from, int to) {
        int backslash = s.indexOf('\\', from);
        if (backslash < 0 || backslash >= to) {
            return s.substring(from, to);
        }
        StringBuilder b = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < to) {
                ch = s.charAt(++i);
            }
            b.append(ch);
        }
        return b.toString();
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
