package org.switchboard.core.transport;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded ring buffer of the most recent SIP messages sent and received, for the "SIP message
 * flow" page. When full, each new entry replaces the oldest. Memory is bounded by the capacity times
 * the largest message a transport accepts.
 *
 * <p>Thread-safe and lock-free: transports record from any event loop; readers take snapshots from
 * any thread. The recorded byte arrays are kept, not copied, so callers must not modify them
 * afterwards.
 */
public final class MessageTrace {
    private final AtomicReferenceArray<TraceEntry> slots;
    private final AtomicLong nextSequence = new AtomicLong();
    private final Clock clock;

    /** A trace keeping the last {@code capacity} messages, time-stamped with the system clock. */
    public MessageTrace(int capacity) {
        this(capacity, Clock.systemUTC());
    }

    /** A trace keeping the last {@code capacity} messages, time-stamped with {@code clock}. */
    public MessageTrace(int capacity, Clock clock) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("Trace capacity must be positive: " + capacity);
        }
        this.slots = new AtomicReferenceArray<>(capacity);
        this.clock = clock;
    }

    public int capacity() {
        return slots.length();
    }

    /** Records one message. {@code bytes} is kept as is and must not be modified afterwards. */
    public void record(TraceEntry.Direction direction, Transport transport, InetSocketAddress local,
                       InetSocketAddress remote, String callId, byte[] bytes) {
        long sequence = nextSequence.getAndIncrement();
        TraceEntry entry = new TraceEntry(sequence, direction, clock.instant(), transport, local, remote, callId,
                bytes);
        slots.set((int) (sequence % slots.length()), entry);
    }

    /** The entries currently held, oldest first. */
    public List<TraceEntry> snapshot() {
        List<TraceEntry> entries = new ArrayList<>(slots.length());
        for (int i = 0; i < slots.length(); i++) {
            TraceEntry e = slots.get(i);
            if (e != null) {
                entries.add(e);
            }
        }
        entries.sort(Comparator.comparingLong(TraceEntry::sequence));
        return entries;
    }

    /** The entries of one call (exact Call-ID match), oldest first. */
    public List<TraceEntry> byCallId(String callId) {
        List<TraceEntry> all = snapshot();
        all.removeIf(e -> !callId.equals(e.callId()));
        return all;
    }
}
