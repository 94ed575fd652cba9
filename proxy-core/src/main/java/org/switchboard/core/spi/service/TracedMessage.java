package org.switchboard.core.spi.service;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One SIP message as it crossed one of the server's sockets. Immutable.
 *
 * @param sequence increases by one per message traced; orders messages of the same instant
 * @param inbound whether it came in ({@code false}: the server sent it)
 * @param time when it crossed the socket
 * @param transport {@code UDP} or {@code TCP}
 * @param local the server's address
 * @param remote the other end
 * @param callId the Call-ID, or {@code null} if the message could not be parsed that far
 * @param text the message as on the wire, decoded as UTF-8 (RFC 3261 §7.3.1)
 */
public record TracedMessage(long sequence, boolean inbound, Instant time, String transport, InetSocketAddress local,
        InetSocketAddress remote, String callId, String text) {

    public TracedMessage {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(text, "text");
    }

    /** The message from its bytes on the wire. */
    public static TracedMessage of(long sequence, boolean inbound, Instant time, String transport,
            InetSocketAddress local, InetSocketAddress remote, String callId, byte[] bytes) {
        return new TracedMessage(sequence, inbound, time, transport, local, remote, callId,
                new String(bytes, StandardCharsets.UTF_8));
    }
}
