package org.switchboard.core.transaction;

/**
 * How many transactions the layer may hold, and what it tells callers it turns away.
 *
 * <p>Immutable; safe to share between threads.
 *
 * @param maxTransactions the total for all shards, split evenly between them; it bounds the server
 *     transactions and, separately, the client transactions
 * @param retryAfterSeconds the Retry-After value of the 503 sent when the server table is full
 */
public record TransactionLimits(int maxTransactions, int retryAfterSeconds) {

    /**
     * The heap one transaction is budgeted: a transaction in progress holds its request (about 1 KB
     * for a REGISTER), an INVITE transaction also its responses. Completed non-INVITE server
     * transactions over UDP take 84 bytes of heap (CompletedTransactionHeapTest): their responses
     * are kept in direct memory, budgeted separately below.
     */
    static final long BUDGET_BYTES_PER_TRANSACTION = 2_048;
    /** The part of the heap the transaction tables may fill: the rest is for everything else. */
    static final int HEAP_SHARE_DIVISOR = 3;
    /** Direct memory budgeted per completed transaction kept by {@link CompletedResponses}. */
    static final long COMPLETED_RESPONSE_BUDGET_BYTES = 1_024;
    static final int MIN_TRANSACTIONS = 10_000;
    /** 24,000 new transactions a second held for 32 s (Timer J), five times over. */
    static final int MAX_TRANSACTIONS = 4_000_000;
    static final int DEFAULT_RETRY_AFTER_SECONDS = 5;

    /**
     * Sized for this JVM's maximum heap by {@link #forHeap}: with the default heap of a 24 GB machine
     * (6 GB) about 1 million, enough for the 770,000 final responses a registrar at 12,000
     * registrations a second keeps for Timer J (a 401 and a 200 each). Retry after 5 s.
     */
    public static final TransactionLimits DEFAULTS = forHeap(Runtime.getRuntime().maxMemory());

    public TransactionLimits {
        if (maxTransactions <= 0 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("Need maxTransactions > 0 and retryAfterSeconds >= 0");
        }
    }

    /**
     * Limits that let the transactions fill a third of {@code maxHeapBytes} at 2 KB each, between
     * 10,000 and 4,000,000; retry after 5 s. A table this full is a flood or a stalled transaction user,
     * and a 503 then is better than running out of memory.
     */
    public static TransactionLimits forHeap(long maxHeapBytes) {
        long fit = maxHeapBytes / HEAP_SHARE_DIVISOR / BUDGET_BYTES_PER_TRANSACTION;
        int max = (int) Math.max(MIN_TRANSACTIONS, Math.min(MAX_TRANSACTIONS, fit));
        return new TransactionLimits(max, DEFAULT_RETRY_AFTER_SECONDS);
    }

    /**
     * The direct memory one shard's {@link CompletedResponses} may take: room for its share of
     * {@link #maxTransactions} completed transactions at 1 KB each (a REGISTER's 200 with one
     * binding takes about 600 bytes there). Allocated as the load needs it.
     */
    public long completedResponseBytesPerShard(int shards) {
        return (long) perShard(shards) * COMPLETED_RESPONSE_BUDGET_BYTES;
    }

    /** The share of one shard out of {@code shards}, at least one. */
    public int perShard(int shards) {
        return Math.max(1, (maxTransactions + shards - 1) / shards);
    }
}
