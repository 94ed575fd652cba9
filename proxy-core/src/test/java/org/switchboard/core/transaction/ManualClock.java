package org.switchboard.core.transaction;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Test time: timers fire, in order, only when the test advances the clock. A cancelled timer lets go
 * of its task at once and leaves the queue soon after, as a Netty event loop's does, so that heap
 * tests see what the server would keep.
 */
public final class ManualClock {
    /** Below this many cancelled entries the queue is not worth sweeping. */
    private static final int SWEEP_THRESHOLD = 1024;

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            Comparator.comparingLong((Scheduled s) -> s.due).thenComparingLong(s -> s.sequence));
    private long now;
    private long sequence;
    private int cancelled;

    /** One timer, and its handle. */
    private final class Scheduled implements TimerHandle {
        final long due;
        final long sequence;
        final ManualShard shard;
        Runnable task;

        Scheduled(long due, long sequence, ManualShard shard, Runnable task) {
            this.due = due;
            this.sequence = sequence;
            this.shard = shard;
            this.task = task;
        }

        @Override
        public void cancel() {
            if (task != null) {
                task = null;
                onCancelled();
            }
        }
    }

    public long now() {
        return now;
    }

    TimerHandle schedule(ManualShard shard, Runnable task, long delayMillis) {
        Scheduled scheduled = new Scheduled(now + delayMillis, sequence++, shard, task);
        queue.add(scheduled);
        return scheduled;
    }

    private void onCancelled() {
        cancelled++;
        if (cancelled >= SWEEP_THRESHOLD && cancelled > queue.size() / 2) {
            queue.removeIf(s -> s.task == null);
            cancelled = 0;
        }
    }

    /** Moves time forward, running every timer that falls due on its shard at its due time. */
    public void advance(long millis) {
        long target = now + millis;
        while (!queue.isEmpty() && queue.peek().due <= target) {
            Scheduled next = queue.poll();
            Runnable task = next.task;
            if (task == null) {
                cancelled--;
            } else {
                next.task = null;
                now = next.due;
                next.shard.execute(task);
            }
        }
        now = target;
    }

    /** Timers scheduled and neither run nor cancelled. */
    public int pendingTimers() {
        return queue.size() - cancelled;
    }
}
