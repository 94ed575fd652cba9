package org.switchboard.nat.media;

import java.util.ArrayList;
import java.util.List;

/**
 * The anchored media of one call (one Call-ID): its streams by {@code m=} line, which side is the
 * caller (by the From tag of the initial INVITE), whether it was answered, and when it last saw a
 * packet or an SDP.
 *
 * <p>Threading: streams are added on the call's shard; {@link #touch} is called by the relay thread.
 */
final class MediaCall {
    final String callId;
    final String callerTag;
    final int affinity;
    /** The streams by {@code m=} index; a refused stream of a new call has a {@code null}. */
    final List<MediaStream> streams = new ArrayList<>();
    volatile boolean answered;
    private volatile long lastActivityNanos;

    MediaCall(String callId, String callerTag, long nowNanos) {
        this.callId = callId;
        this.callerTag = callerTag;
        this.affinity = callId.hashCode() & 0x7fffffff;
        this.lastActivityNanos = nowNanos;
    }

    /** The side that sent a request with From tag {@code fromTag} (a response comes from the other side). */
    Side sender(String fromTag) {
        return callerTag.equals(fromTag) ? Side.CALLER : Side.CALLEE;
    }

    /** A packet or an SDP of this call at {@code nowNanos}. */
    void touch(long nowNanos) {
        lastActivityNanos = nowNanos;
    }

    long lastActivityNanos() {
        return lastActivityNanos;
    }

    /** Packets, bytes and packets lost each way, for the log line of an ended call. */
    String summary() {
        long[] fromCaller = new long[3];
        long[] fromCallee = new long[3];
        synchronized (streams) {
            for (MediaStream stream : streams) {
                if (stream != null) {
                    add(fromCaller, stream.leg(Side.CALLER));
                    add(fromCallee, stream.leg(Side.CALLEE));
                }
            }
        }
        return "from the caller " + fromCaller[0] + " packets, " + fromCaller[1] + " bytes, " + fromCaller[2]
                + " lost; from the callee " + fromCallee[0] + " packets, " + fromCallee[1] + " bytes, " + fromCallee[2]
                + " lost";
    }

    private static void add(long[] totals, MediaStream.Leg leg) {
        totals[0] += leg.packets;
        totals[1] += leg.bytes;
        totals[2] += leg.loss.lost();
    }
}
