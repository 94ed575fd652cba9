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

    /** 200 000 transactions, retry after 5 s. */
    public static final TransactionLimits DEFAULTS = new TransactionLimits(200_000, 5);

    public TransactionLimits {
        if (maxTransactions <= 0 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("Need maxTransactions > 0 and retryAfterSeconds >= 0");
        }
    }

    /** The share of one shard out of {@code shards}, at least one. */
    public int perShard(int shards) {
        return Math.max(1, (maxTransactions + shards - 1) / shards);
    }
}
