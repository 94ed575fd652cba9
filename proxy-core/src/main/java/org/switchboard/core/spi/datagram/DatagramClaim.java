package org.switchboard.core.spi.datagram;

import java.nio.ByteBuffer;
import org.switchboard.core.transport.Flow;

/**
 * A plugin's claim on datagrams that arrive on the SIP UDP sockets but are not SIP (a SIP message
 * starts with a letter; a STUN message, RFC 5389 §6, with a byte whose two top bits are zero). Each
 * such datagram is offered to the claims in the order added before the SIP codec sees it; the first
 * that returns {@code true} has taken it. A datagram nobody claims goes on as before: keep-alives of
 * CR and LF are ignored, anything else reaches the codec and is dropped as unparseable.
 *
 * <p>Threading: called on the socket's event loop: must be fast, must not block and must not throw.
 * The buffer is valid only during the call (copy what is kept).
 */
@FunctionalInterface
public interface DatagramClaim {

    /**
     * @param datagram the datagram's bytes, read-only, positioned at its start
     * @param flow where it came from and the socket it arrived on
     * @param reply sends datagrams back to the sender from the same socket
     * @return whether the datagram is taken
     */
    boolean claim(ByteBuffer datagram, Flow flow, DatagramReply reply);
}
