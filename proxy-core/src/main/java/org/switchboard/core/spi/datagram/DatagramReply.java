package org.switchboard.core.spi.datagram;

import java.nio.ByteBuffer;

/**
 * Sends a datagram back to the sender of a claimed datagram, from the socket it arrived on (a STUN
 * Binding response must come from the address the request was sent to, RFC 5389 §7.3).
 *
 * <p>Threading: may be called from any thread; never blocks (the datagram is queued on the socket).
 */
@FunctionalInterface
public interface DatagramReply {

    /** Sends {@code datagram} (its remaining bytes, which are copied) to the sender. */
    void send(ByteBuffer datagram);
}
