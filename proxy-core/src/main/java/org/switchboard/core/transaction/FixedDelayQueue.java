package org.switchboard.core.transaction;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The timers of one shard that all have the same delay. A timer started later is due later, so a
 * FIFO keeps them in deadline order without a heap: starting and cancelling are O(1), and one shard
 * task, set for the earliest deadline, runs whatever is due and sets itself for the next. At tens of
 * thousands of transactions a second this replaces a scheduled task and a priority-queue entry per
 * timer with one small entry, and the shard's scheduler sees one task per delay.
 *
 * <p>A cancelled timer drops its task at once, so that nothing it refers to is kept, and leaves an
 * empty entry until its deadline; once no live timer is left, the entries and the shard task go.
 * The deque gives back the capacity a peak grew it to ({@link PeakCapacity}).
 *
 * <p>Threading: used on the shard's thread only.
 */
final class FixedDelayQueue {
    private final Shard shard;
    private final long delayMillis;
    private final Consumer<Runnable> runner;
    private ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final PeakCapacity peak = new PeakCapacity();
    private int live;
    private boolean running;
    private TimerHandle wakeUp;

    /**
     * @param runner runs a due task, so that the owner decides what a failing task does
     */
    FixedDelayQueue(Shard shard, long delayMillis, Consumer<Runnable> runner) {
        this.shard = shard;
        this.delayMillis = delayMillis;
        this.runner = runner;
    }

    long delayMillis() {
        return delayMillis;
    }

    /** Runs {@code task} on the shard once the delay has passed, unless cancelled first. */
    TimerHandle start(Runnable task) {
        Entry entry = new Entry(this, shard.nowMillis() + delayMillis, task);
        entries.addLast(entry);
        peak.added(entries.size());
        live++;
        // while due tasks run, the wake-up for whatever is left is set after them
        if (wakeUp == null && !running) {
            wakeUp = shard.schedule(this::runDue, delayMillis);
        }
        return entry;
    }

    private void runDue() {
        wakeUp = null;
        running = true;
        long now = shard.nowMillis();
        Entry head;
        while ((head = entries.peekFirst()) != null && head.dueMillis <= now) {
            entries.pollFirst();
            Runnable task = head.task;
            if (task != null) {
                head.task = null;
                live--;
                runner.accept(task);
            }
        }
        running = false;
        if (live == 0) {
            clear();
        } else {
            if (peak.shouldShrink(entries.size())) {
                entries = new ArrayDeque<>(entries);
            }
            wakeUp = shard.schedule(this::runDue, entries.peekFirst().dueMillis - now);
        }
    }

    private void cancelled() {
        live--;
        if (live == 0 && !running) {
            clear();
            wakeUp.cancel();
            wakeUp = null;
        }
    }

    /** Drops every entry, and the deque's array if a peak had grown it. */
    private void clear() {
        if (peak.shouldShrink(0)) {
            entries = new ArrayDeque<>();
        } else {
            entries.clear();
        }
    }

    /** One started timer, and its handle. */
    private static final class Entry implements TimerHandle {
        final FixedDelayQueue queue;
        final long dueMillis;
        Runnable task;

        Entry(FixedDelayQueue queue, long dueMillis, Runnable task) {
            this.queue = queue;
            this.dueMillis = dueMillis;
            this.task = task;
        }

        @Override
        public void cancel() {
            if (task != null) {
                task = null;
                queue.cancelled();
            }
        }
    }
}
