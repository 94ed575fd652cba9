package org.switchboard.core.message;

/**
 * A {@code name-addr} or {@code addr-spec} with header parameters, as in From, To, Contact, Route,
 * Record-Route and Path (RFC 3261 §20.10). The URI is kept as a string so that non-SIP URIs
 * ({@code tel:}, {@code http:}) pass through; {@link #sipUri()} parses it on demand.
 */
public final class NameAddr {
    /**
     * Where the display name and URI were parsed from (for a received header, the received buffer
     * itself), or {@code null} for an address made from Strings. The Strings are cut from it only
     * when asked for; the URI is parsed straight from it.
     */
    private final byte[] src;
    private final int displayStart;
    private final int displayEnd;
    private final int uriStart;
    private final int uriEnd;
    /**
     * A parsed address's parameters are checked by the parser but their table is made only when
     * asked for (a proxy reads a Contact's host, not its feature tags): until then {@code params}
     * is null and they lie in {@code src[paramsStart, paramsEnd)}.
     */
    private final int paramsStart;
    private final int paramsEnd;
    /**
     * The value of the first {@code tag} parameter of a parsed address starts at {@code
     * src[tagStart]}, found by the parser's check, or {@code tagStart} is -1 if there is none: the tag
     * is read for every transaction and dialog, the other parameters seldom.
     */
    private final int tagStart;
    private Params params;
    private final boolean angleBrackets;
    /** The URI's scheme in lower case, found while parsing, or {@code null} for an address made from Strings. */
    private final String scheme;
    private String displayName;
    private String uri;
    private SipUri sipUri;

    public NameAddr(String displayName, String uri, Params params) {
        this(displayName, uri, params, true);
    }

    private NameAddr(String displayName, String uri, Params params, boolean angleBrackets) {
        this(null, -1, -1, -1, -1, null, params, -1, -1, -1, angleBrackets || displayName != null);
        this.displayName = displayName;
        this.uri = uri;
    }

    private NameAddr(byte[] src, int displayStart, int displayEnd, int uriStart, int uriEnd, String scheme,
            Params params, int paramsStart, int paramsEnd, int tagStart, boolean angleBrackets) {
        this.src = src;
        this.scheme = scheme;
        this.displayStart = displayStart;
        this.displayEnd = displayEnd;
        this.uriStart = uriStart;
        this.uriEnd = uriEnd;
        this.params = params == null && paramsStart < 0 ? Params.EMPTY : params;
        this.paramsStart = paramsStart;
        this.paramsEnd = paramsEnd;
        this.tagStart = tagStart;
        this.angleBrackets = angleBrackets;
    }

    /** A name-addr for a SIP URI, written in angle brackets. */
    public static NameAddr of(SipUri uri) {
        NameAddr a = new NameAddr(null, uri.toString(), Params.EMPTY, true);
        a.sipUri = uri;
        return a;
    }

    /** Parses one value (no top-level commas). */
    public static NameAddr parse(String s) {
        byte[] b = Grammar.utf8(s);
        return parse(b, 0, b.length);
    }

    /** As {@link #parse(String)}, for the value in {@code s[start, n)}. */
    static NameAddr parse(byte[] s, int start, int n) {
        return parse(s, start, n, null);
    }

    /**
     * Parses the list element that starts at {@code start} in the comma-separated list in {@code s[start,
     * n)}, in one pass: {@code next[0]} is set to the index of the comma after it, or {@code n}. It throws
     * for anything {@link Headers#elements} might split differently (a quote or '<' inside the angle
     * brackets) as well as for a malformed element; the caller then splits the list first and parses each
     * element with {@link #parse(byte[], int, int)}, which reports the fault as before.
     */
    static NameAddr parseElement(byte[] s, int start, int n, int[] next) {
        return parse(s, start, n, next);
    }

    private static NameAddr parse(byte[] s, int start, int n, int[] next) {
        boolean element = next != null;
        int i = Grammar.skipWhitespace(s, start, n);
        int displayStart = -1;
        int displayEnd = -1;
        int lt;
        if (i < n && s[i] == '"') {
            int q = Grammar.endOfQuoted(s, i, n);
            displayStart = i;
            displayEnd = q;
            lt = Grammar.skipWhitespace(s, q, n);
            if (lt >= n || s[lt] != '<') {
                throw new SipParseException("Expected '<' after display name");
            }
        } else {
            // the usual address without a display name starts with its '<'
            lt = i < n && s[i] == '<' ? i : Grammar.indexOf(s, '<', i, n);
            if (lt > i) {
                // the words trimmed as String.trim would: of all characters up to SP
                int ws = i;
                int we = lt;
                while (ws < we && (s[ws] & 0xff) <= ' ') {
                    ws++;
                }
                while (we > ws && (s[we - 1] & 0xff) <= ' ') {
                    we--;
                }
                for (int k = ws; k < we; k++) {
                    if (!Grammar.isToken(s[k]) && !Grammar.isWhitespace(s[k])) {
                        throw new SipParseException("Bad display name");
                    }
                }
                if (we > ws) {
                    displayStart = ws;
                    displayEnd = we;
                }
            }
        }
        int uriStart;
        int uriEnd;
        int after;
        // whitespace in the URI is looked for in the scan for '>', but reported after the other faults
        boolean whitespace = false;
        if (lt >= 0) {
            // eight bytes at a time up to '>'; whitespace, a quote or a '<' stops the scan on the way
            int gt = Bytes.indexOfAddressStop(s, lt + 1, n);
            for (; gt < n && s[gt] != '>'; gt = Bytes.indexOfAddressStop(s, gt + 1, n)) {
                if ((s[gt] & 0xff) <= ' ') {
                    whitespace = true;
                } else if (element) {
                    throw new SipParseException("Quote or '<' in an address in a list");
                }
            }
            if (gt == n) {
                throw new SipParseException("Missing '>' in address");
            }
            uriStart = lt + 1;
            uriEnd = gt;
            after = gt + 1;
        } else {
            // addr-spec: the URI cannot have parameters, so the first ';' starts header parameters
            int end = i;
            while (end < n && s[end] != ';' && !Grammar.isWhitespace(s[end])) {
                whitespace |= (s[end] & 0xff) <= ' ';
                end++;
            }
            uriStart = i;
            uriEnd = end;
            after = end;
            // RFC 3261 §20.10: a URI with a comma, question mark or semicolon needs angle brackets
            if (Grammar.indexOf(s, '?', i, end) >= 0 || Grammar.indexOf(s, ',', i, end) >= 0) {
                throw new SipParseException("URI with headers must be enclosed in <>");
            }
        }
        String scheme = uriEnd == uriStart ? null : SipUri.schemeOf(s, uriStart, uriEnd);
        if (scheme == null) {
            throw new SipParseException("Bad URI in address");
        }
        if (whitespace) {
            throw new SipParseException("Whitespace in URI");
        }
        long found = Params.checkFinding(s, after, n, element ? "," : "", "tag");
        int paramsEnd = Params.stop(found);
        if (element) {
            next[0] = paramsEnd;
        }
        return new NameAddr(s, displayStart, displayEnd, uriStart, uriEnd, scheme, null, after, paramsEnd,
                Params.valueStart(found), lt >= 0);
    }

    /** The display name as written (quoted if it was), or {@code null}. */
    public String displayName() {
        String d = displayName;
        if (d == null && displayStart >= 0) {
            d = Grammar.text(src, displayStart, displayEnd);
            displayName = d;
        }
        return d;
    }

    /** The URI as written. */
    public String uri() {
        String u = uri;
        if (u == null) {
            u = Grammar.text(src, uriStart, uriEnd);
            uri = u;
        }
        return u;
    }

    /** The URI parsed as a SIP/SIPS URI; throws {@link SipParseException} for other schemes. */
    public SipUri sipUri() {
        SipUri u = sipUri;
        if (u == null) {
            u = src != null ? SipUri.parse(src, uriStart, uriEnd, scheme) : SipUri.parse(uri);
            sipUri = u;
        }
        return u;
    }

    /** Whether the URI is a {@code sip:} or {@code sips:} URI. */
    public boolean isSip() {
        String s = src != null ? scheme : SipUri.schemeOf(uri);
        return "sip".equals(s) || "sips".equals(s);
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

    /** The {@code tag} parameter (RFC 3261 §19.3), or {@code null}. */
    public String tag() {
        if (paramsStart < 0) {
            return params.get("tag");
        }
        return tagStart < 0 ? null : Grammar.text(src, tagStart, Params.valueEnd(src, tagStart, paramsEnd));
    }

    public NameAddr withParam(String name, String value) {
        return withParams(params().with(name, value));
    }

    public NameAddr withParams(Params newParams) {
        NameAddr a = new NameAddr(src, displayStart, displayEnd, uriStart, uriEnd, scheme, newParams, -1, -1, -1,
                angleBrackets);
        a.displayName = displayName;
        a.uri = uri;
        a.sipUri = sipUri;
        return a;
    }

    public NameAddr withUri(SipUri newUri) {
        NameAddr a = new NameAddr(displayName(), newUri.toString(), params(), true);
        a.sipUri = newUri;
        return a;
    }

    @Override
    public String toString() {
        String u = uri();
        String d = displayName();
        StringBuilder b = new StringBuilder(u.length() + 32);
        if (d != null) {
            b.append(d).append(' ');
        }
        if (angleBrackets) {
            b.append('<').append(u).append('>');
        } else {
            b.append(u);
        }
        params().appendTo(b);
        return b.toString();
    }
}
