package org.switchboard.core.transaction;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * A warning about something the server dropped or gave up early, which an admin must see, logged at
 * most once per interval however often it recurs (under a flood it would recur thousands of times a
 * second): each line tells how often it happened since the line before. The counters in {@link
 * TransactionCounters} keep the totals.
 *
 * <p>Thread-safe: one warning may be raised from every shard.
 */
final class RateLimitedWarning {
    /** How often a recurring warning is logged at most. */
    static final long DEFAULT_INTERVAL_MILLIS = 10_000;

    private final Logger log;
    private final String what;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong sinceLastLine = new AtomicLong();
    private final AtomicLong nextLineAt;

    /**
     * @param what what happened, completing "{count} {what} since the last such line (at most one every
     *     {seconds} s); last: {detail}", e.g. "requests answered 503 because the server transaction
     *     table was full"
     */
    RateLimitedWarning(Logger log, String what) {
        this(log, what, DEFAULT_INTERVAL_MILLIS, System::nanoTime);
    }

    RateLimitedWarning(Logger log, String what, long intervalMillis, LongSupplier nanoClock) {
        this.log = log;
        this.what = what;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.nanoClock = nanoClock;
        this.nextLineAt = new AtomicLong(nanoClock.getAsLong());
    }

    /**
     * Counts one occurrence, and logs a line if none was logged within the interval.
     *
     * @param detail what this occurrence was about (a Call-ID, an address), for the line; only
     *     computed when a line is logged
     */
    void occurred(Supplier<String> detail) {
        sinceLastLine.incrementAndGet();
        long now = nanoClock.getAsLong();
        long due = nextLineAt.get();
        if (now - due >= 0 && nextLineAt.compareAndSet(due, now + intervalNanos)) {
            log.warn("{} {} since the last such line (at most one every {} s); last: {}", sinceLastLine.getAndSet(0),
                    what, TimeUnit.NANOSECONDS.toSeconds(intervalNanos), detail.get());
        }
    }
}
