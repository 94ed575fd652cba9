package org.switchboard.testkit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;

/**
 * Test time: a UTC {@link Clock} that stands still until a test advances it, and a queue of timers
 * that fire, in due order, only then. Code under test takes it as its {@code Clock}; a scheduler
 * (such as a test shard of the transaction layer) takes its timers from {@link #schedule}. A
 * cancelled timer lets go of its task at once and leaves the queue soon after, as a Netty event
 * loop's does, so that heap tests see what the server would keep.
 *
 * <p>Time is read from any thread (the instant is volatile); scheduling and advancing belong to
 * the test's thread.
 */
public final class ManualClock extends Clock {
    /** Where a clock made without a start begins. */
    public static final Instant DEFAULT_START = Instant.parse("2025-01-01T12:00:00Z");
    /** Below this many cancelled entries the queue is not worth sweeping. */
    private static final int SWEEP_THRESHOLD = 1024;

    private final Instant start;
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            Comparator.comparingLong((Scheduled s) -> s.due).thenComparingLong(s -> s.sequence));
    private volatile long elapsedMillis;
    private long sequence;
    private int cancelled;

    /** A timer that may still be called off. */
    @FunctionalInterface
    public interface Timer {
        /** Stops the task from running if it has not run yet; does nothing otherwise. */
        void cancel();
    }

    /** A clock at {@link #DEFAULT_START}. */
    public ManualClock() {
        this(DEFAULT_START);
    }

    /** A clock at this instant. */
    public ManualClock(Instant start) {
        this.start = start;
    }

    /** One timer, and its handle. */
    private final class Scheduled implements Timer {
        final long due;
        final long sequence;
        final Executor executor;
        Runnable task;

        Scheduled(long due, long sequence, Executor executor, Runnable task) {
            this.due = due;
            this.sequence = sequence;
            this.executor = executor;
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

    /**
     * Schedules a task to run on the executor when the clock has been advanced by the delay (a
     * delay of 0 or less runs at the next advance).
     */
    public Timer schedule(Runnable task, long delayMillis, Executor executor) {
        Scheduled scheduled = new Scheduled(elapsedMillis + Math.max(0, delayMillis), sequence++, executor, task);
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

    /** Moves time forward, running every timer that falls due, at its due time, in due order. */
    public void advance(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("time does not go back: " + millis);
        }
        long target = elapsedMillis + millis;
        while (!queue.isEmpty() && queue.peek().due <= target) {
            Scheduled next = queue.poll();
            Runnable task = next.task;
            if (task == null) {
                cancelled--;
            } else {
                next.task = null;
                elapsedMillis = next.due;
                next.executor.execute(task);
            }
        }
        elapsedMillis = target;
    }

    /** Moves time forward; see {@link #advance(long)}. */
    public void advance(Duration duration) {
        advance(duration.toMillis());
    }

    /** Milliseconds advanced since the clock was made, the time base of {@link #schedule}. */
    public long elapsedMillis() {
        return elapsedMillis;
    }

    /** Timers scheduled and neither run nor cancelled. */
    public int pendingTimers() {
        return queue.size() - cancelled;
    }

    @Override
    public Instant instant() {
        return start.plusMillis(elapsedMillis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock: tests run in UTC, and a zone changes no instant. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
