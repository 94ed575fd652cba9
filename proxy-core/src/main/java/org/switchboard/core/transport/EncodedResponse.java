package org.switchboard.core.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A response encoded and routed once (RFC 3261 §18.2.2, RFC 3581 §4), so that a server transaction
 * can send the same bytes to the same place for every retransmitted request without keeping the
 * parsed message. Made by {@link SipSender#encodeResponse}; a response whose destination could not be
 * determined carries the reason, and sending it reports that reason as a transport error.
 *
 * <p>Immutable (the bytes are not copied and must not be changed); safe to share between threads.
 */
public final class EncodedResponse {
    private final byte[] bytes;
    private final int statusCode;
    private final String callId;
    private final Destination destination;
    private final InetSocketAddress localAddress;
    private final Exception routeFailure;

    private EncodedResponse(byte[] bytes, int statusCode, String callId, Destination destination,
            InetSocketAddress localAddress, Exception routeFailure) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        this.statusCode = statusCode;
        this.callId = callId;
        this.destination = destination;
        this.localAddress = localAddress;
        this.routeFailure = routeFailure;
    }

    /**
     * A response that goes to {@code destination}.
     *
     * @param callId the Call-ID, for the message trace; may be {@code null}
     * @param localAddress the local address the request arrived on, which a UDP response leaves from
     */
    public static EncodedResponse routed(byte[] bytes, int statusCode, String callId, Destination destination,
            InetSocketAddress localAddress) {
        return new EncodedResponse(bytes, statusCode, callId, Objects.requireNonNull(destination, "destination"),
                Objects.requireNonNull(localAddress, "localAddress"), null);
    }

    /** A response with nowhere to go, for {@code cause}; sending it fails with that cause. */
    public static EncodedResponse unroutable(byte[] bytes, int statusCode, String callId, Exception cause) {
        return new EncodedResponse(bytes, statusCode, callId, null, null, Objects.requireNonNull(cause, "cause"));
    }

    /** The message as sent on the wire; not a copy. */
    public byte[] bytes() {
        return bytes;
    }

    public int statusCode() {
        return statusCode;
    }

    /** The Call-ID, or {@code null} if the response has none. */
    public String callId() {
        return callId;
    }

    /** Where the response goes, or {@code null} if it is unroutable. */
    public Destination destination() {
        return destination;
    }

    /** The local address to send from over UDP, or {@code null} if the response is unroutable. */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** Why the response has no destination, or {@code null} if it has one. */
    public Exception routeFailure() {
        return routeFailure;
    }

    /** Names the response in logs, as "404 response". */
    @Override
    public String toString() {
        return statusCode + " response";
    }
}
