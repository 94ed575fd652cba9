package org.switchboard.core.transaction;

/**
 * A single-threaded executor on which one slice of the transactions lives (in the server, one
 * Netty event loop). Tasks submitted to one shard run one at a time in submission order, so state
 * owned by a shard needs no locks.
 *
 * <p>All methods may be called from any thread and must not block.
 */
public interface Shard {

    /** Runs {@code task} on this shard, later if called from another thread. */
    void execute(Runnable task);

    /** Runs {@code task} on this shard after {@code delayMillis} milliseconds. */
    TimerHandle schedule(Runnable task, long delayMillis);

    /**
     * The shard's clock in milliseconds, the one {@link #schedule} delays are measured on: monotonic,
     * not the time of day.
     */
    long nowMillis();

    /** Whether the calling thread is this shard's thread. */
    boolean inShard();
}
