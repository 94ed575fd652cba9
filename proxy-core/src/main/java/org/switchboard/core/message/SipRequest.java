package org.switchboard.core.message;

import java.util.Objects;

/** A SIP request: method, Request-URI, headers and body. Immutable; change it with {@link #toBuilder()}. */
public final class SipRequest extends MessageBase implements SipMessage {
    private final String method;
    /**
     * The Request-URI given as a String, or {@code null} for one still in the received buffer, {@code
     * headers.src[uriStart, uriEnd)}, which is cut only when asked for: a proxy forwarding on a Route
     * copies the start line unread.
     */
    private final String givenUri;
    private final int uriStart;
    private final int uriEnd;
    private String cutUri;
    private SipUri sipUri;

    /**
     * A request whose Request-URI is {@code requestUri}, or if that is {@code null} the bytes {@code
     * headers.src[uriStart, uriEnd)}.
     */
    SipRequest(String method, String requestUri, int uriStart, int uriEnd, String sipVersion, Headers headers,
            byte[] bodySrc, int bodyOff, int bodyLen, int lineStart, int lineEnd, String defect) {
        super(sipVersion, headers, bodySrc, bodyOff, bodyLen, lineStart, lineEnd, defect);
        this.method = method;
        this.givenUri = requestUri;
        this.uriStart = uriStart;
        this.uriEnd = uriEnd;
    }

    /** A builder for a new request with no headers. */
    public static Builder builder(String method, String requestUri) {
        return new Builder(method, requestUri, -1, -1, "SIP/2.0", Headers.EMPTY);
    }

    /** The method, case-sensitive as RFC 3261 §7.1 says. */
    public String method() {
        return method;
    }

    public boolean isMethod(String m) {
        return method.equals(m);
    }

    /** The Request-URI as written. */
    public String requestUri() {
        if (givenUri != null) {
            return givenUri;
        }
        String u = cutUri;
        if (u == null) {
            u = Grammar.text(headers.src, uriStart, uriEnd);
            cutUri = u;
        }
        return u;
    }

    /** The scheme of the Request-URI in lower case, or {@code null}. */
    public String requestUriScheme() {
        return SipUri.schemeOf(requestUri());
    }

    /** The Request-URI parsed as a SIP or SIPS URI; throws {@link SipParseException} otherwise. */
    public SipUri sipRequestUri() {
        SipUri u = sipUri;
        if (u == null) {
            u = SipUri.parse(requestUri());
            sipUri = u;
        }
        return u;
    }

    public Builder toBuilder() {
        Builder b = new Builder(method, givenUri != null ? givenUri : cutUri, uriStart, uriEnd, sipVersion, headers);
        b.from(this);
        return b;
    }

    @Override
    String checkStartLine() {
        if (!Grammar.isToken(method)) {
            return "Bad method";
        }
        if (SipUri.schemeOf(requestUri()) == null) {
            return "Bad Request-URI";
        }
        String scheme = requestUriScheme();
        // RFC 3261 §19.1.1 table 1: no headers in a Request-URI (RFC 4475 §3.1.2.11)
        if ((scheme.equals("sip") || scheme.equals("sips")) && sipRequestUri().headers() != null) {
            return "Headers in the Request-URI";
        }
        CSeq c = cseq();
        if (!c.method().equals(method)) {
            return "CSeq method does not match the request method";
        }
        return null;
    }

    @Override
    String startLine() {
        return method + ' ' + requestUri() + ' ' + sipVersion;
    }

    /** Builds a changed copy of a request. */
    public static final class Builder extends MessageBuilder<Builder> {
        private final String method;
        /** As in {@link SipRequest}: the URI, or {@code null} for the received bytes at {@code uriStart}. */
        private String requestUri;
        private final int uriStart;
        private final int uriEnd;

        Builder(String method, String requestUri, int uriStart, int uriEnd, String sipVersion, Headers headers) {
            super(headers, sipVersion);
            this.method = method;
            this.requestUri = requestUri;
            this.uriStart = uriStart;
            this.uriEnd = uriEnd;
        }

        public Builder requestUri(String uri) {
            this.requestUri = Objects.requireNonNull(uri);
            lineStart = -1;
            return this;
        }

        public SipRequest build() {
            Headers h = finishHeaders();
            return new SipRequest(method, requestUri, uriStart, uriEnd, sipVersion, h, bodySrc, bodyOff, bodyLen,
                    lineStart, lineEnd, null);
        }
    }
}
