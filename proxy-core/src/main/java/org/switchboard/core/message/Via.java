package org.switchboard.core.message;

import java.util.Locale;

/**
 * One Via value (RFC 3261 §20.42): protocol, transport, sent-by host and port, and parameters
 * including {@code branch}, {@code received} and {@code rport} (RFC 3581).
 */
public final class Via {
    /** The magic cookie that marks an RFC 3261 branch (§8.1.1.7). */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    private static final String[] TRANSPORTS = {"UDP", "TCP", "TLS", "WS", "WSS", "SCTP"};

    private final String transport;
    /**
     * A parsed Via's sent-by host lies in {@code src[hostStart, hostEnd)} and is cut only when asked
     * (most Vias are forwarded with only their branch read); one made in code has {@code src} null and
     * {@code host} set, final so that it is safely published.
     */
    private final byte[] src;
    private final int hostStart;
    private final int hostEnd;
    private final String host;
    private String hostCut;
    private final int port;
    /**
     * A parsed Via's parameters are checked by the parser and lie in {@code src[paramsStart,
     * paramsEnd)}; their table is made when first asked for (a proxy reads the branch of most Vias
     * and nothing else), and until then {@code params} is null. The branch value starts at {@code
     * src[branchStart]}, found by the check, or {@code branchStart} is -1.
     */
    private final int paramsStart;
    private final int paramsEnd;
    private final int branchStart;
    private Params params;

    public Via(String transport, String host, int port, Params params) {
        this(transport.toUpperCase(Locale.ROOT), host, null, 0, 0, port, params == null ? Params.EMPTY : params, -1, -1,
                -1);
    }

    private Via(String transport, String host, byte[] src, int hostStart, int hostEnd, int port, Params params,
            int paramsStart, int paramsEnd, int branchStart) {
        this.transport = transport;
        this.host = host;
        this.src = src;
        this.hostStart = hostStart;
        this.hostEnd = hostEnd;
        this.port = port;
        this.params = params;
        this.paramsStart = paramsStart;
        this.paramsEnd = paramsEnd;
        this.branchStart = branchStart;
    }

    /** Parses one Via value (no top-level commas). */
    public static Via parse(String s) {
        byte[] b = Grammar.utf8(s);
        return parse(b, 0, b.length);
    }

    /** As {@link #parse(String)}, for the value in {@code s[start, n)}. */
    static Via parse(byte[] s, int start, int n) {
        return parse(s, start, n, false);
    }

    /**
     * As {@link #parse(byte[], int, int)}, for the first value of a Via line read without splitting
     * the line first: returns {@code null} for a value with a comment, and throws for a comma outside
     * a quoted string (i.e. for a list) as for any fault; either way the caller must split the line
     * first, as only splitting reads a comma inside a comment as {@link Headers#elements} does.
     */
    static Via parseUnsplit(byte[] s, int start, int n) {
        return parse(s, start, n, true);
    }

    private static Via parse(byte[] s, int start, int n, boolean unsplit) {
        // sent-protocol = "SIP" "/" "2.0" "/" transport, LWS allowed around the slashes
        int nameStart = Grammar.skipWhitespace(s, start, n);
        int transportStart;
        if (isPlainSip20(s, nameStart, n)) {
            transportStart = Grammar.skipWhitespace(s, nameStart + 8, n);
        } else {
            int nameEnd = protocolPart(s, nameStart, n);
            int versionStart = nextProtocolPart(s, nameEnd, n);
            int versionEnd = protocolPart(s, versionStart, n);
            transportStart = nextProtocolPart(s, versionEnd, n);
            if (nameEnd - nameStart != 3 || (s[nameStart] | 0x20) != 's' || (s[nameStart + 1] | 0x20) != 'i'
                    || (s[nameStart + 2] | 0x20) != 'p' || versionEnd - versionStart != 3 || s[versionStart] != '2'
                    || s[versionStart + 1] != '.' || s[versionStart + 2] != '0') {
                protocolPart(s, transportStart, n);
                throw new SipParseException("Bad Via protocol version");
            }
        }
        int transportEnd = protocolPart(s, transportStart, n);
        String transport = transport(s, transportStart, transportEnd);
        int i = Grammar.skipWhitespace(s, transportEnd, n);
        int hostStart = i;
        if (i < n && s[i] == '[') {
            int close = Grammar.indexOf(s, ']', i, n);
            if (close < 0) {
                throw new SipParseException("Bad IPv6 reference in Via");
            }
            SipUri.checkIpv6(s, i + 1, close);
            i = close + 1;
        } else if (i < n && SipUri.isHostChar(s[i])) {
            i = SipUri.hostEnd(s, i, n);
        }
        if (i == hostStart) {
            throw new SipParseException("Missing sent-by host in Via");
        }
        int hostEnd = i;
        i = Grammar.skipWhitespace(s, i, n);
        int port = -1;
        if (i < n && s[i] == ':') {
            i = Grammar.skipWhitespace(s, i + 1, n);
            int ps = i;
            port = 0;
            while (i < n && Grammar.isDigit(s[i])) {
                port = port * 10 + s[i] - '0';
                i++;
            }
            if (i == ps || i - ps > 5 || port > 65535) {
                throw new SipParseException("Bad port in Via");
            }
        }
        // where the parameters stop, and where the branch lies
        long found = Params.checkFinding(s, i, n, "(", "branch");
        int paramsEnd = Params.stop(found);
        if (paramsEnd < n && s[paramsEnd] == '(') {
            if (unsplit) {
                return null;
            }
            // a trailing comment, allowed by RFC 2543 implementations; ignore it
            if (s[n - 1] != ')') {
                throw new SipParseException("Bad comment in Via");
            }
        }
        return new Via(transport, null, s, hostStart, hostEnd, port, null, i, paramsEnd, Params.valueStart(found));
    }

    /** Whether {@code s[i, n)} starts with {@code SIP/2.0/} ("SIP" in any case), the usual spelling. */
    private static boolean isPlainSip20(byte[] s, int i, int n) {
        return i + 8 <= n && (s[i] | 0x20) == 's' && (s[i + 1] | 0x20) == 'i' && (s[i + 2] | 0x20) == 'p'
                && s[i + 3] == '/' && s[i + 4] == '2' && s[i + 5] == '.' && s[i + 6] == '0' && s[i + 7] == '/';
    }

    /** The end of the token starting at {@code i}; throws if there is none. */
    private static int protocolPart(byte[] s, int i, int n) {
        int start = i;
        while (i < n && Grammar.isToken(s[i])) {
            i++;
        }
        if (i == start) {
            throw new SipParseException("Bad Via protocol");
        }
        return i;
    }

    /** Skips the '/' (with LWS around it) after a protocol part ending at {@code i}. */
    private static int nextProtocolPart(byte[] s, int i, int n) {
        i = Grammar.skipWhitespace(s, i, n);
        if (i >= n || s[i] != '/') {
            throw new SipParseException("Bad Via protocol");
        }
        return Grammar.skipWhitespace(s, i + 1, n);
    }

    /** The transport in upper case, without a new String for the usual ones. */
    private static String transport(byte[] s, int start, int end) {
        for (String known : TRANSPORTS) {
            if (known.length() == end - start && matchesIgnoreCase(s, start, known)) {
                return known;
            }
        }
        return Grammar.text(s, start, end);
    }

    /** Whether {@code s} at {@code start} holds {@code upper} (upper-case ASCII) in any case. */
    private static boolean matchesIgnoreCase(byte[] s, int start, String upper) {
        for (int k = 0; k < upper.length(); k++) {
            int c = s[start + k];
            if (c != upper.charAt(k) && (c & ~0x20) != upper.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The transport in upper case: UDP, TCP, TLS, SCTP, WS, WSS. */
    public String transport() {
        return transport;
    }

    /** The sent-by host as written (IPv6 in brackets). */
    public String host() {
        if (src == null) {
            return host;
        }
        String h = hostCut;
        if (h == null) {
            h = Grammar.text(src, hostStart, hostEnd);
            hostCut = h;
        }
        return h;
    }

    /** The sent-by port, or -1 if absent. */
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

    public String branch() {
        if (paramsStart < 0) {
            return params.get("branch");
        }
        return branchStart < 0 ? null : Grammar.text(src, branchStart, Params.valueEnd(src, branchStart, paramsEnd));
    }

    /** Whether the branch carries the RFC 3261 magic cookie. */
    public boolean hasRfc3261Branch() {
        String b = branch();
        return b != null && b.startsWith(MAGIC_COOKIE);
    }

    public String received() {
        return params().get("received");
    }

    /** Whether the {@code rport} parameter is present (RFC 3581). */
    public boolean hasRport() {
        return params().has("rport");
    }

    /** The value of {@code rport}, or -1 if absent or valueless. */
    public int rport() {
        String v = params().get("rport");
        if (v == null) {
            return -1;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public Via withParam(String name, String value) {
        return new Via(transport, host(), port, params().with(name, value));
    }

    /** The sent-by as "host:port" for transaction matching, with the default port filled in. */
    public String sentBy() {
        int p = port >= 0 ? port : ("TLS".equals(transport) ? 5061 : 5060);
        return host().toLowerCase(Locale.ROOT) + ":" + p;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(64).append("SIP/2.0/").append(transport).append(' ').append(host());
        if (port >= 0) {
            b.append(':').append(port);
        }
        params().appendTo(b);
        return b.toString();
    }
}
