package org.switchboard.nat.media;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Symmetric latching for one side of one stream, RTP or RTCP: where that side's packets are
 * accepted from, and where the other side's packets go to it. A phone behind a NAT signals its
 * private address but sends from the NAT's public one; the relay learns that address from the
 * side's first packet and sends back there ("symmetric RTP", RFC 4961). To keep a stranger from
 * taking over the stream, the first packet is latched only when it comes from the signalled address
 * or within the learning window that opens when the side's SDP (or the answer to it) passes;
 * once latched, a packet from any other address is refused, until the side signals a new address.
 *
 * <p>Threading: thread-safe (the stream's event loop reads packets, the signalling thread resets it).
 */
final class Latch {
    private InetSocketAddress signalled;
    private InetSocketAddress latched;
    private long learningUntilNanos;

    /**
     * The side signalled {@code address} (or {@code null}: on hold, or no stream). A new address
     * forgets what was latched and opens the learning window until {@code untilNanos}; the same one
     * again (a retransmitted 200, another copy of a forked INVITE) keeps the latch.
     */
    synchronized void signal(InetSocketAddress address, long untilNanos) {
        if (latched != null && Objects.equals(address, signalled)) {
            return;
        }
        signalled = address;
        latched = null;
        learningUntilNanos = untilNanos;
    }

    /** Opens the learning window again until {@code untilNanos}, if nothing is latched yet. */
    synchronized void rearm(long untilNanos) {
        if (latched == null) {
            learningUntilNanos = untilNanos;
        }
    }

    /** Whether a packet from {@code source} at {@code nowNanos} belongs to this side; the first one latches. */
    synchronized boolean accept(InetSocketAddress source, long nowNanos) {
        if (latched != null) {
            return latched.equals(source);
        }
        if (source.equals(signalled) || nowNanos - learningUntilNanos < 0) {
            latched = source;
            return true;
        }
        return false;
    }

    /** Where this side's packets go: the latched address, else the signalled one, else {@code null}. */
    synchronized InetSocketAddress destination() {
        return latched != null ? latched : signalled;
    }
}
