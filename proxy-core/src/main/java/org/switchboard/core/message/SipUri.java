package org.switchboard.core.message;

import java.util.Locale;
import java.util.Objects;

/**
 * A {@code sip:} or {@code sips:} URI (RFC 3261 §19.1), immutable. The user part is kept escaped as
 * written; the host keeps IPv6 references in brackets (RFC 5118).
 */
public final class SipUri {
    private static final String SIP = "sip";
    private static final String SIPS = "sips";

    private final String scheme;
    /**
     * The buffer a URI was parsed from, or null. Its user part lies in {@code src[userStart, userEnd)}
     * ({@code userEnd} -1 if it has none) and is cut only when asked (a proxy reads the host of most
     * URIs it parses, not the user); its parameters, checked by the parser, lie in {@code
     * src[paramsStart, paramsEnd)} and are made into {@link #params} only when asked too.
     */
    private final byte[] src;
    private final int userStart;
    private final int userEnd;
    private final int paramsStart;
    private final int paramsEnd;
    private String user;
    private final String password;
    private final String host;
    private final int port;
    private Params params;
    private final String headers;

    public SipUri(String scheme, String user, String password, String host, int port, Params params, String headers) {
        this(scheme, null, 0, -1, 0, 0, user, password, host, port, params == null ? Params.EMPTY : params, headers);
    }

    private SipUri(String scheme, byte[] src, int userStart, int userEnd, int paramsStart, int paramsEnd, String user,
            String password, String host, int port, Params params, String headers) {
        this.src = src;
        this.userStart = userStart;
        this.userEnd = userEnd;
        this.paramsStart = paramsStart;
        this.paramsEnd = paramsEnd;
        // the parser passes the interned literals of schemeOf, which need no lower-casing
        this.scheme = scheme == SIP || scheme == SIPS ? scheme : scheme.toLowerCase(Locale.ROOT);
        this.user = user;
        this.password = password;
        this.host = Objects.requireNonNull(host);
        this.port = port;
        this.params = params;
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
            if (!isSchemeChar(uri.charAt(i), i == 0)) {
                return null;
            }
        }
        // the usual schemes without a new String
        if (colon == 3 && uri.regionMatches(true, 0, "sip", 0, 3)) {
            return SIP;
        }
        if (colon == 4 && uri.regionMatches(true, 0, "sips", 0, 4)) {
            return SIPS;
        }
        return uri.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /** As {@link #schemeOf(String)}, for the URI in {@code s[start, end)}. */
    static String schemeOf(byte[] s, int start, int end) {
        // the usual "sip:" (any case) settled without looking for the colon
        if (end - start > 3 && s[start + 3] == ':' && (s[start] | 0x20) == 's' && (s[start + 1] | 0x20) == 'i'
                && (s[start + 2] | 0x20) == 'p') {
            return SIP;
        }
        int colon = Grammar.indexOf(s, ':', start, end);
        if (colon <= start) {
            return null;
        }
        for (int i = start; i < colon; i++) {
            if (!isSchemeChar((char) s[i], i == start)) {
                return null;
            }
        }
        int len = colon - start;
        if (len == 3 && (s[start] | 0x20) == 's' && (s[start + 1] | 0x20) == 'i' && (s[start + 2] | 0x20) == 'p') {
            return SIP;
        }
        if (len == 4 && (s[start] | 0x20) == 's' && (s[start + 1] | 0x20) == 'i' && (s[start + 2] | 0x20) == 'p'
                && (s[start + 3] | 0x20) == 's') {
            return SIPS;
        }
        return Grammar.text(s, start, colon).toLowerCase(Locale.ROOT);
    }

    /** RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ). */
    private static boolean isSchemeChar(char c, boolean first) {
        boolean alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        return first ? alpha : alpha || Grammar.isDigit(c) || c == '+' || c == '-' || c == '.';
    }

    /** Parses a complete SIP or SIPS URI (RFC 3261 §25.1, IPv6 references per RFC 5118). */
    public static SipUri parse(String s) {
        byte[] b = Grammar.utf8(s);
        return parse(b, 0, b.length);
    }

    /** As {@link #parse(String)}, for the URI in {@code s[start, n)}. */
    static SipUri parse(byte[] s, int start, int n) {
        return parse(s, start, n, schemeOf(s, start, n));
    }

    /** As {@link #parse(byte[], int, int)}, given what {@link #schemeOf(byte[], int, int)} returns for it. */
    static SipUri parse(byte[] s, int start, int n, String scheme) {
        if (scheme == null || !(scheme.equals("sip") || scheme.equals("sips"))) {
            throw new SipParseException("Not a SIP URI: " + abbreviate(s, start, n));
        }
        int i = start + scheme.length() + 1;
        int userStart = i;
        int userEnd = -1;
        String password = null;
        int at = Grammar.indexOf(s, '@', i, n);
        if (at >= 0) {
            int colon = Grammar.indexOf(s, ':', i, at);
            userEnd = colon >= 0 ? colon : at;
            if (userEnd == i) {
                throw new SipParseException("Empty user part in URI");
            }
            checkUserinfo(s, i, userEnd, true);
            if (userEnd < at) {
                checkUserinfo(s, userEnd + 1, at, false);
                password = Grammar.text(s, userEnd + 1, at);
            }
            i = at + 1;
        }
        int hostStart = i;
        if (i < n && s[i] == '[') {
            int close = Grammar.indexOf(s, ']', i, n);
            if (close < 0) {
                throw new SipParseException("Unterminated IPv6 reference in URI");
            }
            checkIpv6(s, i + 1, close);
            i = close + 1;
        } else {
            i = hostEnd(s, i, n);
        }
        String host = Grammar.text(s, hostStart, i);
        int port = -1;
        if (i < n && s[i] == ':') {
            int ps = ++i;
            port = 0;
            while (i < n && Grammar.isDigit(s[i])) {
                port = port * 10 + s[i] - '0';
                i++;
            }
            if (i == ps || i - ps > 5 || port > 65535) {
                throw new SipParseException("Bad port in URI");
            }
        }
        int paramsStart = i;
        i = Params.check(s, i, n, "?");
        int paramsEnd = i;
        String headers = null;
        if (i < n && s[i] == '?') {
            for (int k = i + 1; k < n; k++) {
                int c = s[k] & 0xff;
                if (c <= ' ' || c >= 127 || c == '<' || c == '>' || c == '"') {
                    throw new SipParseException("Bad character in URI headers");
                }
            }
            headers = Grammar.text(s, i + 1, n);
            i = n;
        }
        if (i != n) {
            throw new SipParseException("Unexpected characters in URI: " + abbreviate(s, start, n));
        }
        return new SipUri(scheme, s, userStart, userEnd, paramsStart, paramsEnd, null, password, host, port, null, headers);
    }

    private static String abbreviate(byte[] b, int start, int end) {
        String s = Grammar.text(b, start, end);
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /**
     * RFC 3261 §25.1: user = 1*( unreserved / escaped / user-unreserved ); password = *( unreserved
     * / escaped / "&" / "=" / "+" / "$" / "," ).
     */
    private static void checkUserinfo(byte[] s, int start, int end, boolean user) {
        for (int k = start; k < end; k++) {
            byte c = s[k];
            if (c == '%') {
                if (k + 2 >= end || !Grammar.isHexDigit(s[k + 1]) || !Grammar.isHexDigit(s[k + 2])) {
                    throw new SipParseException("Bad escape in URI user part");
                }
                k += 2;
            } else if (!(isAlphanum(c) || c > 0 && ("-_.!~*'()&=+$,".indexOf(c) >= 0 || (user && ";?/".indexOf(c) >= 0)))) {
                throw new SipParseException(user ? "Bad character in URI user part" : "Bad character in URI password");
            }
        }
    }

    private static boolean isAlphanum(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || Grammar.isDigit(c);
    }

    static boolean isHostChar(byte c) {
        return isAlphanum(c) || c == '-' || c == '.';
    }

    /**
     * The end of the host name or IPv4 address starting at {@code start} in {@code s[start, n)}, which
     * runs as far as host characters do, checked as {@link #checkHost} checks it.
     */
    static int hostEnd(byte[] s, int start, int n) {
        int end = Ipv4Address.end(s, start, n);
        if (end < 0) {
            end = start;
            while (end < n && isHostChar(s[end])) {
                end++;
            }
            checkHost(s, start, end);
        }
        return end;
    }

    /**
     * RFC 3261 §25.1: hostname = *( domainlabel "." ) toplabel [ "." ], where a toplabel starts with
     * a letter; a host whose last label starts with a digit must be an IPv4address.
     */
    static void checkHost(byte[] s, int start, int end) {
        if (start == end) {
            throw new SipParseException("Missing host in URI");
        }
        int last = s[end - 1] == '.' ? end - 1 : end;
        int labelStart = start;
        for (int k = start; k <= last; k++) {
            if (k == last || s[k] == '.') {
                if (k == labelStart || s[labelStart] == '-' || s[k - 1] == '-') {
                    throw new SipParseException("Bad host name");
                }
                if (k == last && Grammar.isDigit(s[labelStart])) {
                    checkIpv4(s, start, end);
                }
                labelStart = k + 1;
            }
        }
    }

    /** RFC 3261 §25.1: IPv4address = 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT. */
    private static void checkIpv4(byte[] s, int start, int end) {
        int parts = 0;
        int k = start;
        while (k <= end) {
            int ds = k;
            int value = 0;
            while (k < end && Grammar.isDigit(s[k])) {
                value = value * 10 + s[k] - '0';
                k++;
            }
            if (k == ds || k - ds > 3 || value > 255 || ++parts > 4) {
                throw new SipParseException("Bad IPv4 address");
            }
            if (k == end) {
                break;
            }
            if (s[k] != '.') {
                throw new SipParseException("Bad IPv4 address");
            }
            k++;
        }
        if (parts != 4) {
            throw new SipParseException("Bad IPv4 address");
        }
    }

    /**
     * Checks an IPv6 address (without brackets) in {@code s[start, end)} per RFC 4291 §2.2, with
     * the RFC 5118 §4.10 correction: at most one "::" and no ":::".
     */
    static void checkIpv6(byte[] s, int start, int end) {
        int groups = 0;
        boolean compressed = false;
        int i = start;
        if (end - start >= 2 && s[i] == ':' && s[i + 1] == ':') {
            compressed = true;
            i += 2;
        }
        while (i < end) {
            int gs = i;
            while (i < end && Grammar.isHexDigit(s[i])) {
                i++;
            }
            if (i < end && s[i] == '.') {
                checkIpv4(s, gs, end);
                groups += 2;
                break;
            }
            if (i == gs || i - gs > 4) {
                throw new SipParseException("Bad IPv6 reference");
            }
            groups++;
            if (i == end) {
                break;
            }
            if (s[i] != ':' || i + 1 == end) {
                throw new SipParseException("Bad IPv6 reference");
            }
            i++;
            if (s[i] == ':') {
                if (compressed) {
                    throw new SipParseException("Bad IPv6 reference");
                }
                compressed = true;
                i++;
            }
        }
        if (compressed ? groups > 7 : groups != 8) {
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
        String u = user;
        if (u == null && userEnd >= 0) {
            u = Grammar.text(src, userStart, userEnd);
            user = u;
        }
        return u;
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
        Params p = params;
        if (p == null) {
            // checked when parsed, so this cannot fail; Params is immutable, so a racing second parse is harmless
            p = Params.parse(src, paramsStart, paramsEnd, "", null);
            params = p;
        }
        return p;
    }

    /** The raw header part after '?', or {@code null}. */
    public String headers() {
        return headers;
    }

    /** The {@code transport} parameter in lower case, or {@code null}. */
    public String transportParam() {
        String t = params().get("transport");
        return t == null ? null : t.toLowerCase(Locale.ROOT);
    }

    /** Whether the URI has the {@code lr} parameter (RFC 3261 §19.1.1 loose routing). */
    public boolean isLooseRouting() {
        return params().has("lr");
    }

    public SipUri withUser(String newUser) {
        return new SipUri(scheme, newUser, password, host, port, params(), headers);
    }

    public SipUri withHostPort(String newHost, int newPort) {
        return new SipUri(scheme, user(), password, newHost, newPort, params(), headers);
    }

    public SipUri withParams(Params newParams) {
        return new SipUri(scheme, user(), password, host, port, newParams, headers);
    }

    public SipUri withoutHeaders() {
        return new SipUri(scheme, user(), password, host, port, params(), null);
    }

    /** The address-of-record form {@code sip:user@host}: no port, parameters or headers. */
    public SipUri addressOfRecord() {
        return new SipUri(scheme, user(), null, host.toLowerCase(Locale.ROOT), -1, Params.EMPTY, null);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(64).append(scheme).append(':');
        String u = user();
        if (u != null) {
            b.append(u);
            if (password != null) {
                b.append(':').append(password);
            }
            b.append('@');
        }
        b.append(host);
        if (port >= 0) {
            b.append(':').append(port);
        }
        params().appendTo(b);
        if (headers != null) {
            b.append('?').append(headers);
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipUri u && u.scheme.equals(scheme) && Objects.equals(u.user(), user())
                && Objects.equals(u.password, password) && u.host.equalsIgnoreCase(host) && u.port == port
                && u.params().equals(params()) && Objects.equals(u.headers, headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, user(), host.toLowerCase(Locale.ROOT), port);
    }
}
