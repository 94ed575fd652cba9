package org.switchboard.core.message;

/** A SIP request: method, Request-URI, headers and body. Immutable; change it with {@link #toBuilder()}. */
public final class SipRequest extends MessageBase implements SipMessage {
    private final String method;
    private final String requestUri;
    private SipUri sipUri;

    SipRequest(String method, String requestUri, String sipVersion, Headers headers, byte[] bodySrc, int bodyOff,
            int bodyLen, int lineStart, int lineEnd, String defect) {
        super(sipVersion, headers, bodySrc, bodyOff, bodyLen, lineStart, lineEnd, defect);
        this.method = method;
        this.requestUri = requestUri;
    }

    /** A builder for a new request with no headers. */
    public static Builder builder(String method, String requestUri) {
        return new Builder(method, requestUri, "SIP/2.0", Headers.EMPTY);
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
        return requestUri;
    }

    /** The scheme of the Request-URI in lower case, or {@code null}. */
    public String requestUriScheme() {
        return SipUri.schemeOf(requestUri);
    }

    /** The Request-URI parsed as a SIP or SIPS URI; throws {@link SipParseException} otherwise. */
    public SipUri sipRequestUri() {
        SipUri u = sipUri;
        if (u == null) {
            u = SipUri.parse(requestUri);
            sipUri = u;
        }
        return u;
    }

    public Builder toBuilder() {
        Builder b = new Builder(method, requestUri, sipVersion, headers);
        b.from(this);
        return b;
    }

    @Override
    String checkStartLine() {
        if (!Grammar.isToken(method)) {
            return "Bad method";
        }
        if (SipUri.schemeOf(requestUri) == null) {
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
        return method + ' ' + requestUri + ' ' + sipVersion;
    }

    /** Builds a changed copy of a request. */
    public static final class Builder extends MessageBuilder<Builder> {
        private final String method;
        private String requestUri;

        Builder(String method, String requestUri, String sipVersion, Headers headers) {
            super(headers, sipVersion);
            this.method = method;
            this.requestUri = requestUri;
        }

        public Builder requestUri(String uri) {
            this.requestUri = uri;
            lineStart = -1;
            return this;
        }

        public SipRequest build() {
            Headers h = finishHeaders();
            return new SipRequest(method, requestUri, sipVersion, h, bodySrc, bodyOff, bodyLen, lineStart, lineEnd, null);
        }
    }
}
