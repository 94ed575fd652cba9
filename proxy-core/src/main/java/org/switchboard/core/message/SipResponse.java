package org.switchboard.core.message;

/** A SIP response: status code, reason phrase, headers and body. Immutable. */
public final class SipResponse extends MessageBase implements SipMessage {
    private final int statusCode;
    private final String reasonPhrase;

    SipResponse(int statusCode, String reasonPhrase, String sipVersion, Headers headers, byte[] bodySrc, int bodyOff,
            int bodyLen, int lineStart, int lineEnd, String defect) {
        super(sipVersion, headers, bodySrc, bodyOff, bodyLen, lineStart, lineEnd, defect);
        this.statusCode = statusCode;
        this.reasonPhrase = reasonPhrase;
    }

    /**
     * A builder for a response to {@code request} (RFC 3261 §8.2.6.2): Via, From, To, Call-ID and
     * CSeq copied; Timestamp copied into a 100. The To tag is left to the caller ({@link
     * Builder#toTag}).
     */
    public static Builder builderFor(SipRequest request, int statusCode, String reasonPhrase) {
        Headers copied = request.headers().only(n -> n.equals(HeaderName.VIA) || n.equals(HeaderName.FROM)
                || n.equals(HeaderName.TO) || n.equals(HeaderName.CALL_ID) || n.equals(HeaderName.CSEQ)
                || (statusCode == 100 && n.equals(HeaderName.TIMESTAMP)));
        return new Builder(statusCode, reasonPhrase, "SIP/2.0", copied);
    }

    public int statusCode() {
        return statusCode;
    }

    public String reasonPhrase() {
        return reasonPhrase;
    }

    public boolean isProvisional() {
        return statusCode < 200;
    }

    public boolean isFinal() {
        return statusCode >= 200;
    }

    public boolean isSuccess() {
        return statusCode >= 200 && statusCode < 300;
    }

    public Builder toBuilder() {
        Builder b = new Builder(statusCode, reasonPhrase, sipVersion, headers);
        b.from(this);
        return b;
    }

    @Override
    String checkStartLine() {
        return statusCode < 100 || statusCode > 699 ? "Bad status code" : null;
    }

    @Override
    String startLine() {
        return sipVersion + ' ' + statusCode + ' ' + reasonPhrase;
    }

    /** Builds a response or a changed copy of one. */
    public static final class Builder extends MessageBuilder<Builder> {
        private final int statusCode;
        private String reasonPhrase;

        Builder(int statusCode, String reasonPhrase, String sipVersion, Headers headers) {
            super(headers, sipVersion);
            if (statusCode < 100 || statusCode > 699) {
                throw new IllegalArgumentException("Status code out of range: " + statusCode);
            }
            this.statusCode = statusCode;
            this.reasonPhrase = reasonPhrase;
        }

        public Builder reasonPhrase(String phrase) {
            this.reasonPhrase = phrase;
            lineStart = -1;
            return this;
        }

        /** Adds a tag to the To header unless it already has one. */
        public Builder toTag(String tag) {
            HeaderField f = first(HeaderName.TO);
            if (f != null) {
                NameAddr to = NameAddr.parse(f.text(), f.textStart(), f.textEnd());
                if (to.tag() == null) {
                    set(HeaderName.TO, to.withParam("tag", tag).toString());
                }
            }
            return this;
        }

        public SipResponse build() {
            Headers h = finishHeaders();
            String phrase = reasonPhrase.replace('\r', ' ').replace('\n', ' ');
            return new SipResponse(statusCode, phrase, sipVersion, h, bodySrc, bodyOff, bodyLen, lineStart, lineEnd, null);
        }
    }
}
