package org.switchboard.core.transport;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The transports' side of the datagram demultiplexer: offered each non-SIP datagram of the SIP UDP
 * sockets before the codec. Plugins implement the SPI's {@code spi.datagram.DatagramClaim}, which the
 * stack adapts to this (so the transports do not depend on the SPI).
 *
 * <p>Called on the socket's event loop: must not block.
 */
@FunctionalInterface
public interface DatagramTap {

    /**
     * @param datagram the datagram's bytes, read-only, positioned at its start
     * @param flow where it came from and the socket it arrived on
     * @param reply sends a datagram (its remaining bytes, copied) back to the sender from the same socket
     * @return whether the datagram is taken
     */
    boolean offer(ByteBuffer datagram, Flow flow, Consumer<ByteBuffer> reply);
}
