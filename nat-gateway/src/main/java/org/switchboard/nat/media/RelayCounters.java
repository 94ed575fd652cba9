package org.switchboard.nat.media;

import java.util.concurrent.atomic.LongAdder;

/** The relay's counters since start, for metrics and tests. Thread-safe. */
public final class RelayCounters {
    final LongAdder packets = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder strangers = new LongAdder();
    final LongAdder unroutable = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder exhausted = new LongAdder();
    final LongAdder calls = new LongAdder();

    /** RTP and RTCP packets forwarded. */
    public long packetsRelayed() {
        return packets.sum();
    }

    /** Bytes of the packets forwarded (UDP payload). */
    public long bytesRelayed() {
        return bytes.sum();
    }

    /** Packets refused because they came from neither the signalled nor the latched address. */
    public long packetsFromStrangers() {
        return strangers.sum();
    }

    /** Packets dropped because the other side had no address to send to (on hold, or not yet answered). */
    public long packetsUnroutable() {
        return unroutable.sum();
    }

    /** Calls whose media stopped for longer than the media timeout; their ports were freed. */
    public long mediaTimeouts() {
        return timeouts.sum();
    }

    /** Streams not relayed because the port range was used up. */
    public long portsExhausted() {
        return exhausted.sum();
    }

    /** Calls whose media was anchored. */
    public long callsRelayed() {
        return calls.sum();
    }
}
