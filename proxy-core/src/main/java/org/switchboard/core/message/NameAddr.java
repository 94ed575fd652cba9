package org.switchboard.core.message;

/**
 * A {@code name-addr} or {@code addr-spec} with header parameters, as in From, To, Contact, Route,
 * Record-Route and Path (RFC 3261 §20.10). The URI is kept as a string so that non-SIP URIs
 * ({@code tel:}, {@code http:}) pass through; {@link #sipUri()} parses it on demand.
 */
public final class NameAddr {
    private final String displayName;
    private final String uri;
    private final Params params;
    private final boolean angleBrackets;
    private SipUri sipUri;

    public NameAddr(String displayName, String uri, Params params) {
        this(displayName, uri, params, true);
    }

    private NameAddr(String displayName, String uri, Params params, boolean angleBrackets) {
        this.displayName = displayName;
        this.uri = uri;
        this.params = params == null ? Params.EMPTY : params;
        this.angleBrackets = angleBrackets || displayName != null;
    }

    /** A name-addr for a SIP URI, written in angle brackets. */
    public static NameAddr of(SipUri uri) {
        NameAddr a = new NameAddr(null, uri.toString(), Params.EMPTY, true);
        a.sipUri = uri;
        return a;
    }

    /** Parses one value (no top-level commas). */
    public static NameAddr parse(String s) {
        int n = s.length();
        int i = Grammar.skipWhitespace(s, 0);
        String display = null;
        int lt;
        if (i < n && s.charAt(i) == '"') {
            int q = Grammar.endOfQuoted(s, i);
            display = s.substring(i, q);
            lt = Grammar.skipWhitespace(s, q);
            if (lt >= n || s.charAt(lt) != '<') {
                throw new SipParseException("Expected '<' after display name");
            }
        } else {
            lt = s.indexOf('<', i);
            if (lt >= 0) {
                String words = s.substring(i, lt).trim();
                for (int k = 0; k < words.length(); k++) {
                    char c = words.charAt(k);
                    if (!Grammar.isToken(c) && !Grammar.isWhitespace(c)) {
                        throw new SipParseException("Bad display name");
                    }
                }
                display = words.isEmpty() ? null : words;
            }
        }
        String uri;
        int after;
        if (lt >= 0) {
            int gt = s.indexOf('>', lt);
            if (gt < 0) {
                throw new SipParseException("Missing '>' in address");
            }
            uri = s.substring(lt + 1, gt);
            after = gt + 1;
        } else {
            // addr-spec: the URI cannot have parameters, so the first ';' starts header parameters
            int end = i;
            while (end < n && s.charAt(end) != ';' && !Grammar.isWhitespace(s.charAt(end))) {
                end++;
            }
            uri = s.substring(i, end);
            after = end;
            // RFC 3261 §20.10: a URI with a comma, question mark or semicolon needs angle brackets
            if (uri.indexOf('?') >= 0 || uri.indexOf(',') >= 0) {
                throw new SipParseException("URI with headers must be enclosed in <>");
            }
        }
        if (uri.isEmpty() || SipUri.schemeOf(uri) == null) {
            throw new SipParseException("Bad URI in address");
        }
        for (int k = 0; k < uri.length(); k++) {
            if (uri.charAt(k) <= ' ') {
                throw new SipParseException("Whitespace in URI");
            }
        }
        int[] end = new int[1];
        Params params = Params.parse(s, after, "", end);
        return new NameAddr(display, uri, params, lt >= 0);
    }

    /** The display name as written (quoted if it was), or {@code null}. */
    public String displayName() {
        return displayName;
    }

    /** The URI as written. */
    public String uri() {
        return uri;
    }

    /** The URI parsed as a SIP/SIPS URI; throws {@link SipParseException} for other schemes. */
    public SipUri sipUri() {
        SipUri u = sipUri;
        if (u == null) {
            u = SipUri.parse(uri);
            sipUri = u;
        }
        return u;
    }

    /** Whether the URI is a {@code sip:} or {@code sips:} URI. */
    public boolean isSip() {
        String scheme = SipUri.schemeOf(uri);
        return "sip".equals(scheme) || "sips".equals(scheme);
    }

    public Params params() {
        return params;
    }

    /** The {@code tag} parameter (RFC 3261 §19.3), or {@code null}. */
    public String tag() {
        return params.get("tag");
    }

    public NameAddr withParam(String name, String value) {
        return new NameAddr(displayName, uri, params.with(name, value), angleBrackets);
    }

    public NameAddr withParams(Params newParams) {
        return new NameAddr(displayName, uri, newParams, angleBrackets);
    }

    public NameAddr withUri(SipUri newUri) {
        NameAddr a = new NameAddr(displayName, newUri.toString(), params, true);
        a.sipUri = newUri;
        return a;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(uri.length() + 32);
        if (displayName != null) {
            b.append(displayName).append(' ');
        }
        if (angleBrackets) {
            b.append('<').append(uri).append('>');
        } else {
            b.append(uri);
        }
        params.appendTo(b);
        return b.toString();
    }
}
