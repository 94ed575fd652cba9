package org.switchboard.nat.stun;

import java.nio.ByteBuffer;
import org.switchboard.core.spi.datagram.DatagramClaim;
import org.switchboard.core.spi.datagram.DatagramReply;
import org.switchboard.core.spi.datagram.Stun;
import org.switchboard.core.transport.Flow;

/**
 * STUN on the SIP UDP sockets, through the datagram demultiplexer: phones send Binding requests
 * there to learn their public address and keep their NAT mapping open (RFC 5626 §4.4.2). A datagram
 * with the STUN header and magic cookie ({@link Stun#isStun}) is taken and answered from the same
 * socket, or dropped and counted when malformed; there is no second port here, so a change request
 * is not answered. Thread-safe; runs on the socket's event loop and never blocks.
 */
public final class StunClaim implements DatagramClaim {
    private final StunResponder responder;

    public StunClaim(StunResponder responder) {
        this.responder = responder;
    }

    @Override
    public boolean claim(ByteBuffer datagram, Flow flow, DatagramReply reply) {
        if (!Stun.isStun(datagram)) {
            return false;
        }
        StunResponder.Answer answer = responder.answer(datagram, flow.remote(), flow.local(), null);
        if (answer != null) {
            reply.send(answer.datagram());
        }
        return true;
    }
}
