package org.switchboard.nat.media;

import io.netty.buffer.ByteBuf;

/**
 * Packets lost on one direction of one stream, from RTP sequence numbers as RFC 3550 §A.1 and §A.3
 * count them: expected (the extended highest sequence number less the first, plus one) less
 * received, never below zero (duplicates make it so). Datagrams that are no RTP version 2 packet of
 * at least a fixed header are ignored, and so is RTCP multiplexed on the RTP port. SRTP keeps the
 * RTP header in clear (RFC 3711 §3.1), so it is counted too.
 *
 * <p>Threading: one writer (the stream's event loop); the totals may be read from any thread.
 */
final class RtpLoss {
    private static final int HEADER = 12;

    private boolean started;
    private int base;
    private int maxSeq;
    private int cycles;
    private volatile long received;
    private volatile long expected;

    /** Counts the packet in {@code datagram} (its reader index at the RTP header). */
    void count(ByteBuf datagram) {
        int at = datagram.readerIndex();
        if (datagram.readableBytes() < HEADER || (datagram.getUnsignedByte(at) >> 6) != 2) {
            return;
        }
        int type = datagram.getUnsignedByte(at + 1);
        if (type >= 192 && type <= 223) {
            return; // RTCP multiplexed on the RTP port (RFC 5761 §4)
        }
        int seq = datagram.getUnsignedShort(at + 2);
        if (!started) {
            started = true;
            base = seq;
            maxSeq = seq;
        } else {
            int delta = (seq - maxSeq) & 0xffff;
            if (delta != 0 && delta < 0x8000) {
                if (seq < maxSeq) {
                    cycles += 0x10000; // wrapped (RFC 3550 §A.1)
                }
                maxSeq = seq;
            }
        }
        received++;
        expected = (long) cycles + maxSeq - base + 1;
    }

    /** Packets expected but not received so far. */
    long lost() {
        return Math.max(0, expected - received);
    }
}
