package org.switchboard.nat.media;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.function.LongSupplier;
import org.switchboard.nat.media.MediaSockets.MediaSocket;

/**
 * One anchored stream ({@code m=} line) of a call: a pair of ports facing the caller and a pair
 * facing the callee. What one side sends to the ports facing it, and is accepted by that side's
 * {@link Latch}, leaves from the ports facing the other side towards that side's address, so each
 * phone receives from the address it sends to (symmetric RTP, RFC 4961).
 *
 * <p>Threading: packets arrive on the call's one relay thread; signalling changes the latches from
 * the call's shard.
 */
final class MediaStream {
    /** The ports facing one side, and what that side sent. */
    final class Leg {
        final Side side;
        final int rtpPort;
        MediaSocket rtp;
        MediaSocket rtcp;
        final Latch rtpLatch = new Latch();
        final Latch rtcpLatch = new Latch();
        final RtpLoss loss = new RtpLoss();
        volatile long packets;
        volatile long bytes;

        Leg(Side side, int rtpPort) {
            this.side = side;
            this.rtpPort = rtpPort;
        }

        /** A datagram this side sent to our RTP ({@code control} false) or RTCP port. */
        void received(boolean control, InetSocketAddress source, ByteBuf datagram) {
            long now = clock.getAsLong();
            if (!(control ? rtcpLatch : rtpLatch).accept(source, now)) {
                counters.strangers.increment();
                datagram.release();
                return;
            }
            Leg to = other(side);
            InetSocketAddress destination = (control ? to.rtcpLatch : to.rtpLatch).destination();
            if (destination == null) {
                counters.unroutable.increment();
                datagram.release();
                return;
            }
            int size = datagram.readableBytes();
            if (!control) {
                loss.count(datagram);
            }
            packets++;
            bytes += size;
            counters.packets.increment();
            counters.bytes.add(size);
            call.touch(now);
            (control ? to.rtcp : to.rtp).send(datagram, destination);
        }
    }

    private final MediaCall call;
    private final RelayCounters counters;
    private final LongSupplier clock;
    private final Leg callerLeg;
    private final Leg calleeLeg;

    MediaStream(MediaCall call, RelayCounters counters, LongSupplier clock, int callerPort, int calleePort) {
        this.call = call;
        this.counters = counters;
        this.clock = clock;
        this.callerLeg = new Leg(Side.CALLER, callerPort);
        this.calleeLeg = new Leg(Side.CALLEE, calleePort);
    }

    /** The ports facing {@code side}. */
    Leg leg(Side side) {
        return side == Side.CALLER ? callerLeg : calleeLeg;
    }

    Leg other(Side side) {
        return side == Side.CALLER ? calleeLeg : callerLeg;
    }
}
