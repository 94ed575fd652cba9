package org.switchboard.core.transaction;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The transaction timers of one shard, one {@link FixedDelayQueue} per distinct delay. The delays
 * all derive from T1, T2 and T4 (Timers A, B, D, E, F, G, H, I, J, K, L, M and the 100 Trying
 * delay), so there are only a dozen or so queues; each is found by a short linear search.
 *
 * <p>Threading: used on the shard's thread only.
 */
final class ShardTimers {
    private final Shard shard;
    private final Consumer<Runnable> runner;
    private FixedDelayQueue[] queues = new FixedDelayQueue[0];

    ShardTimers(Shard shard, Consumer<Runnable> runner) {
        this.shard = shard;
        this.runner = runner;
    }

    /** Runs {@code task} on the shard after {@code delayMillis}, unless cancelled first. */
    TimerHandle start(long delayMillis, Runnable task) {
        return queueFor(delayMillis).start(task);
    }

    private FixedDelayQueue queueFor(long delayMillis) {
        for (FixedDelayQueue queue : queues) {
            if (queue.delayMillis() == delayMillis) {
                return queue;
            }
        }
        FixedDelayQueue added = new FixedDelayQueue(shard, delayMillis, runner);
        queues = Arrays.copyOf(queues, queues.length + 1);
        queues[queues.length - 1] = added;
        return added;
    }
}
