package org.switchboard.nat.stun;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the STUN server saw, per source address as the 4S STUN server listed it (last access, hits,
 * no change, change IP, change port, errors), for the most recently active sources only: past
 * {@code capacity} sources the one heard from longest ago is forgotten, so a flood of sources
 * costs bounded memory. Totals are kept apart and never forgotten. Thread-safe.
 */
public final class StunStatistics {
    /** What one request was, for the counters. */
    public enum Kind {
        /** A Binding request without CHANGE-REQUEST flags (keep-alives are of this kind). */
        NO_CHANGE,
        /** A request to be answered from another address. */
        CHANGE_IP,
        /** A request to be answered from another port. */
        CHANGE_PORT,
        /** A malformed or unanswerable message. */
        ERROR
    }

    /** One source's counters at the time of {@link #sources()}. */
    public record Source(InetSocketAddress address, Instant lastAccess, long hits, long noChange, long changeIp,
            long changePort, long errors) {
    }

    private final Clock clock;
    private final int capacity;
    private final Map<InetSocketAddress, long[]> bySource;
    private final Map<InetSocketAddress, Instant> lastAccess;
    private final LongAdder answered = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder unanswerable = new LongAdder();

    public StunStatistics(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
        this.bySource = new LinkedHashMap<>(16, 0.75f, true);
        this.lastAccess = new LinkedHashMap<>();
    }

    /** Counts one request of {@code kind} from {@code source}. */
    public void count(InetSocketAddress source, Kind kind) {
        synchronized (bySource) {
            long[] counts = bySource.computeIfAbsent(source, s -> new long[Kind.values().length]);
            counts[kind.ordinal()]++;
            lastAccess.put(source, clock.instant());
            if (bySource.size() > capacity) {
                InetSocketAddress eldest = bySource.keySet().iterator().next();
                bySource.remove(eldest);
                lastAccess.remove(eldest);
            }
        }
    }

    void answered() {
        answered.increment();
    }

    void malformed() {
        malformed.increment();
    }

    void unanswerable() {
        unanswerable.increment();
    }

    /** Responses sent since start. */
    public long answeredCount() {
        return answered.sum();
    }

    /** Malformed STUN messages dropped since start. */
    public long malformedCount() {
        return malformed.sum();
    }

    /** Well-formed requests dropped since start (change IP with no other server, not a Binding). */
    public long unanswerableCount() {
        return unanswerable.sum();
    }

    /** The sources kept, most recently heard from first. */
    public List<Source> sources() {
        List<Source> out = new ArrayList<>();
        synchronized (bySource) {
            for (Map.Entry<InetSocketAddress, long[]> e : bySource.entrySet()) {
                long[] c = e.getValue();
                long hits = 0;
                for (long n : c) {
                    hits += n;
                }
                out.add(0, new Source(e.getKey(), lastAccess.get(e.getKey()), hits, c[Kind.NO_CHANGE.ordinal()],
                        c[Kind.CHANGE_IP.ordinal()], c[Kind.CHANGE_PORT.ordinal()], c[Kind.ERROR.ordinal()]));
            }
        }
        return out;
    }
}
