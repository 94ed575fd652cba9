package org.switchboard.core.transaction;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the transaction layer, for metrics. Updated on the shards, read from any thread
 * (each getter is a momentary sum, not a consistent snapshot across getters).
 */
public final class TransactionCounters {
    private final Map<TransactionKind, LongAdder> created = new EnumMap<>(TransactionKind.class);
    private final Map<TransactionKind, LongAdder> active = new EnumMap<>(TransactionKind.class);
    private final LongAdder retransmissionsAbsorbed = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder transportErrors = new LongAdder();
    private final LongAdder rejectedByLimit = new LongAdder();
    private final LongAdder completedKept = new LongAdder();
    private final LongAdder completedEvictedEarly = new LongAdder();

    TransactionCounters() {
        for (TransactionKind kind : TransactionKind.values()) {
            created.put(kind, new LongAdder());
            active.put(kind, new LongAdder());
        }
    }

    /** Transactions of that kind created since start. */
    public long created(TransactionKind kind) {
        return created.get(kind).sum();
    }

    /** Transactions of that kind now in the tables. */
    public long active(TransactionKind kind) {
        return active.get(kind).sum();
    }

    /** Transactions of all kinds now in the tables. */
    public long activeTotal() {
        long sum = 0;
        for (LongAdder a : active.values()) {
            sum += a.sum();
        }
        return sum;
    }

    /** Retransmitted requests and responses matched to a transaction and not passed up. */
    public long retransmissionsAbsorbed() {
        return retransmissionsAbsorbed.sum();
    }

    /** Transactions ended by Timer B, F or H. */
    public long timeouts() {
        return timeouts.sum();
    }

    /** Transactions ended because the transport could not send. */
    public long transportErrors() {
        return transportErrors.sum();
    }

    /** Requests answered 503 and client transactions refused because a table was full. */
    public long rejectedByLimit() {
        return rejectedByLimit.sum();
    }

    /**
     * Completed non-INVITE server transactions kept as their final response off the heap, to answer
     * retransmissions until Timer J (they are no longer counted as {@link #active}).
     */
    public long completedKept() {
        return completedKept.sum();
    }

    /** Kept final responses dropped before Timer J because their store was full. */
    public long completedEvictedEarly() {
        return completedEvictedEarly.sum();
    }

    void added(TransactionKind kind) {
        created.get(kind).increment();
        active.get(kind).increment();
    }

    void removed(TransactionKind kind) {
        active.get(kind).decrement();
    }

    void retransmissionAbsorbed() {
        retransmissionsAbsorbed.increment();
    }

    void timedOut() {
        timeouts.increment();
    }

    void transportError() {
        transportErrors.increment();
    }

    void rejected() {
        rejectedByLimit.increment();
    }

    void kept() {
        completedKept.increment();
    }

    void keptReleased(int count, boolean early) {
        completedKept.add(-count);
        if (early) {
            completedEvictedEarly.add(count);
        }
    }
}
