package org.switchboard.core.transaction;

import java.util.Comparator;
import java.util.PriorityQueue;

/** Test time: timers fire, in order, only when the test advances the clock. */
final class ManualClock {
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            Comparator.comparingLong(Scheduled::due).thenComparingLong(Scheduled::sequence));
    private long now;
    private long sequence;

    private record Scheduled(long due, long sequence, ManualShard shard, Runnable task, boolean[] cancelled) {
    }

    long now() {
        return now;
    }

    TimerHandle schedule(ManualShard shard, Runnable task, long delayMillis) {
        boolean[] cancelled = new boolean[1];
        queue.add(new Scheduled(now + delayMillis, sequence++, shard, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Moves time forward, running every timer that falls due on its shard at its due time. */
    void advance(long millis) {
        long target = now + millis;
        while (!queue.isEmpty() && queue.peek().due() <= target) {
            Scheduled next = queue.poll();
            if (!next.cancelled()[0]) {
                now = next.due();
                next.shard().execute(next.task());
            }
        }
        now = target;
    }

    /** Timers scheduled and neither run nor cancelled. */
    int pendingTimers() {
        int pending = 0;
        for (Scheduled s : queue) {
            if (!s.cancelled()[0]) {
                pending++;
            }
        }
        return pending;
    }
}
