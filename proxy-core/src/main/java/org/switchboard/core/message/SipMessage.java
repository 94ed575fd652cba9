package org.switchboard.core.message;

import java.util.List;

/**
 * A SIP request or response, immutable. Headers are parsed on demand: the accessors below parse
 * their header the first time they are called and throw {@link SipParseException} if it is
 * malformed. {@link #validate()} touches every header the core depends on and reports the first
 * problem in words fit for a 400 reason phrase.
 */
public sealed interface SipMessage permits SipRequest, SipResponse {

    /** The SIP version of the start line, normally {@code SIP/2.0}. */
    String sipVersion();

    Headers headers();

    /** The body, never {@code null}. Do not modify the returned array. */
    byte[] body();

    /** The Via values in order, top first. */
    List<Via> vias();

    /** The top Via, or {@code null} if the message has none. */
    Via topVia();

    /** The Call-ID, or {@code null} if absent. */
    String callId();

    /** The CSeq, or {@code null} if absent. */
    CSeq cseq();

    /** The From header, or {@code null} if absent. */
    NameAddr from();

    /** The To header, or {@code null} if absent. */
    NameAddr to();

    /** Max-Forwards, or -1 if absent. */
    int maxForwards();

    /** The Contact values in order; empty if none. A {@code *} contact is not included. */
    List<NameAddr> contacts();

    /**
     * The Route values in order, top first; empty if none. Parsed from the received bytes in one
     * pass; throws {@link SipParseException} if any value is malformed.
     */
    List<NameAddr> routes();

    /** The Record-Route values in order, top first; empty if none. As {@link #routes()}. */
    List<NameAddr> recordRoutes();

    /**
     * A structural problem found while parsing (bad Content-Length, body shorter than announced,
     * malformed header line), or {@code null}.
     */
    String defect();

    /**
     * Checks the headers every element needs (RFC 3261 §8.1.1): Via, To, From, Call-ID, CSeq,
     * Max-Forwards, Content-Length; for a request also the Request-URI and the CSeq method.
     *
     * @return {@code null} if valid, else what is wrong
     */
    String validate();

    /** The message as bytes for the wire. */
    byte[] encode();

    /** The first value of a header, or {@code null}. */
    default String header(HeaderName name) {
        return headers().firstValue(name);
    }
}
