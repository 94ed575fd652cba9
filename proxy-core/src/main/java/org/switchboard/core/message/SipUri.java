package org.switchboard.core.message;

import java.util.Locale;
import java.util.Objects;

/**
 * A {@code sip:} or {@code sips:} URI (RFC 3261 §19.1), immutable. The user part is kept escaped as
 * written; the host keeps IPv6 references in brackets (RFC 5118).
 */
public final class SipUri {
    private final String scheme;
    private final String user;
    private final String password;
    private final String host;
    private final int port;
    private final Params params;
    private final String headers;

    public SipUri(String scheme, String user, String password, String host, int port, Params params, String headers) {
        this.scheme = scheme.toLowerCase(Locale.ROOT);
        this.user = user;
        this.password = password;
        this.host = Objects.requireNonNull(host);
        this.port = port;
        this.params = params == null ? Params.EMPTY : params;
        this.headers = headers;
    }

    /** A plain URI {@code sip:user@host:port}; {@code user} may be null, {@code port} -1. */
    public static SipUri of(String user, String host, int port) {
        return new SipUri("sip", user, null, host, port, Params.EMPTY, null);
    }

    /** The scheme of a URI string, lower case, or {@code null} if it has none. */
    public static String schemeOf(String uri) {
        int colon = uri.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        for (int i = 0; i < colon; i++) {
            char c = uri.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '+' && c != '-' && c != '.') {
                return null;
            }
        }
        return uri.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /** Parses a complete SIP or SIPS URI. */
    public static SipUri parse(String s) {
        String scheme = schemeOf(s);
        if (scheme == null || !(scheme.equals("sip") || scheme.equals("sips"))) {
            throw new SipParseException("Not a SIP URI: " + abbreviate(s));
        }
        int i = scheme.length() + 1;
        int n = s.length();
        String user = null;
        String password = null;
        int at = s.indexOf('@', i);
        if (at >= 0) {
            String userinfo = s.substring(i, at);
            int colon = userinfo.indexOf(':');
            user = colon >= 0 ? userinfo.substring(0, colon) : userinfo;
            password = colon >= 0 ? userinfo.substring(colon + 1) : null;
            if (user.isEmpty()) {
                throw new SipParseException("Empty user part in URI");
            }
            checkUserChars(userinfo);
            i = at + 1;
        }
        int hostStart = i;
        if (i < n && s.charAt(i) == '[') {
            int close = s.indexOf(']', i);
            if (close < 0) {
                throw new SipParseException("Unterminated IPv6 reference in URI");
            }
            checkIpv6(s.substring(i + 1, close));
            i = close + 1;
        } else {
            while (i < n && isHostChar(s.charAt(i))) {
                i++;
            }
            checkHostname(s.substring(hostStart, i));
        }
        String host = s.substring(hostStart, i);
        int port = -1;
        if (i < n && s.charAt(i) == ':') {
            int ps = ++i;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == ps || i - ps > 5) {
                throw new SipParseException("Bad port in URI");
            }
            port = Integer.parseInt(s, ps, i, 10);
            if (port > 65535) {
                throw new SipParseException("Bad port in URI");
            }
        }
        int[] end = new int[1];
        Params params = Params.parse(s, i, "?", end);
        i = end[0];
        String headers = null;
        if (i < n && s.charAt(i) == '?') {
            headers = s.substring(i + 1);
            for (int k = 0; k < headers.length(); k++) {
                char c = headers.charAt(k);
                if (c <= ' ' || c == '<' || c == '>' || c == '"') {
                    throw new SipParseException("Bad character in URI headers");
                }
            }
            i = n;
        }
        if (i != n) {
            throw new SipParseException("Unexpected characters in URI: " + abbreviate(s));
        }
        return new SipUri(scheme, user, password, host, port, params, headers);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static void checkUserChars(String userinfo) {
        for (int k = 0; k < userinfo.length(); k++) {
            char c = userinfo.charAt(k);
            if (c <= ' ' || c >= 127 || c == '<' || c == '>' || c == '"' || c == '[' || c == ']' || c == '@') {
                throw new SipParseException("Bad character in URI user part");
            }
            if (c == '%' && (k + 2 >= userinfo.length() || !isHex(userinfo.charAt(k + 1)) || !isHex(userinfo.charAt(k + 2)))) {
                throw new SipParseException("Bad escape in URI user part");
            }
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static boolean isHostChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }

    private static void checkHostname(String host) {
        if (host.isEmpty()) {
            throw new SipParseException("Missing host in URI");
        }
        for (String label : host.split("\\.", -1)) {
            if (label.isEmpty() && !host.endsWith(".")) {
                throw new SipParseException("Bad host name in URI");
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                throw new SipParseException("Bad host name in URI");
            }
        }
    }

    static void checkIpv6(String addr) {
        if (addr.isEmpty() || addr.indexOf(':') < 0) {
            throw new SipParseException("Bad IPv6 reference");
        }
        int groups = 0;
        boolean compressed = addr.contains("::");
        if (compressed && addr.indexOf("::") != addr.lastIndexOf("::")) {
            throw new SipParseException("Bad IPv6 reference");
        }
        String[] parts = addr.split(":", -1);
        for (int k = 0; k < parts.length; k++) {
            String p = parts[k];
            if (p.isEmpty()) {
                continue;
            }
            if (k == parts.length - 1 && p.indexOf('.') >= 0) {
                if (!p.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                    throw new SipParseException("Bad IPv6 reference");
                }
                groups += 2;
                continue;
            }
            if (p.length() > 4) {
                throw new SipParseException("Bad IPv6 reference");
            }
            for (int c = 0; c < p.length(); c++) {
                if (!isHex(p.charAt(c))) {
                    throw new SipParseException("Bad IPv6 reference");
                }
            }
            groups++;
        }
        if (groups > 8 || (!compressed && groups != 8)) {
            throw new SipParseException("Bad IPv6 reference");
        }
    }

    public String scheme() {
        return scheme;
    }

    public boolean isSecure() {
        return scheme.equals("sips");
    }

    /** The user part as written (escaped), or {@code null}. */
    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The host as written; an IPv6 reference keeps its brackets. */
    public String host() {
        return host;
    }

    /** The host without IPv6 brackets, for address resolution. */
    public String hostAddress() {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** The port, or -1 if the URI names none. */
    public int port() {
        return port;
    }

    public Params params() {
        return params;
    }

    /** The raw header part after '?', or {@code null}. */
    public String headers() {
        return headers;
    }

    /** The {@code transport} parameter in lower case, or {@code null}. */
    public String transportParam() {
        String t = params.get("transport");
        return t == null ? null : t.toLowerCase(Locale.ROOT);
    }

    /** Whether the URI has the {@code lr} parameter (RFC 3261 §19.1.1 loose routing). */
    public boolean isLooseRouting() {
        return params.has("lr");
    }

    public SipUri withUser(String newUser) {
        return new SipUri(scheme, newUser, password, host, port, params, headers);
    }

    public SipUri withHostPort(String newHost, int newPort) {
        return new SipUri(scheme, user, password, newHost, newPort, params, headers);
    }

    public SipUri withParams(Params newParams) {
        return new SipUri(scheme, user, password, host, port, newParams, headers);
    }

    public SipUri withoutHeaders() {
        return new SipUri(scheme, user, password, host, port, params, null);
    }

    /** The address-of-record form {@code sip:user@host}: no port, parameters or headers. */
    public SipUri addressOfRecord() {
        return new SipUri(scheme, user, null, host.toLowerCase(Locale.ROOT), -1, Params.EMPTY, null);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(64).append(scheme).append(':');
        if (user != null) {
            b.append(user);
            if (password != null) {
                b.append(':').append(password);
            }
            b.append('@');
        }
        b.append(host);
        if (port >= 0) {
            b.append(':').append(port);
        }
        params.appendTo(b);
        if (headers != null) {
            b.append('?').append(headers);
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipUri u && u.scheme.equals(scheme) && Objects.equals(u.user, user)
                && Objects.equals(u.password, password) && u.host.equalsIgnoreCase(host) && u.port == port
                && u.params.equals(params) && Objects.equals(u.headers, headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, user, host.toLowerCase(Locale.ROOT), port);
    }
}
