package org.switchboard.core.log;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * A log line about something an admin must see that can recur thousands of times a second under a
 * flood (a dropped message, a refused connection, a table full): written at its level at most once
 * per interval, telling how often it happened since the line before and the last occurrence's
 * detail; every occurrence is also written at DEBUG. The counters beside each use keep the totals.
 *
 * <p>Thread-safe and lock-free: one instance may be shared by every event loop.
 */
public final class RateLimitedLog {
    /** The level of the limited lines. */
    public enum Level { INFO, WARN }

    private final Logger log;
    private final Level level;
    private final String what;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong sinceLastLine = new AtomicLong();
    private final AtomicLong nextLineAt;

    /**
     * @param what what happened, completing "{what}: {count} since the last such line (at most one
     *     every {seconds} s); last: {detail}", e.g. "Requests answered 503, server transaction table
     *     full"
     * @param nanoClock {@link System#nanoTime} but in tests
     */
    public RateLimitedLog(Logger log, Level level, String what, Duration interval, LongSupplier nanoClock) {
        this.log = log;
        this.level = level;
        this.what = what;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.nextLineAt = new AtomicLong(nanoClock.getAsLong());
    }

    /** A limited log at {@code level} on the system clock. */
    public static RateLimitedLog of(Logger log, Level level, String what, Duration interval) {
        return new RateLimitedLog(log, level, what, interval, System::nanoTime);
    }

    /**
     * Counts one occurrence, and writes a line if none was written within the interval.
     *
     * @param detail this occurrence (who, why), computed only when a line is written
     */
    public void occurred(Supplier<String> detail) {
        sinceLastLine.incrementAndGet();
        long now = nanoClock.getAsLong();
        long due = nextLineAt.get();
        if (now - due >= 0 && nextLineAt.compareAndSet(due, now + intervalNanos)) {
            String line = "{}: {} since the last such line (at most one every {} s); last: {}";
            long count = sinceLastLine.getAndSet(0);
            long seconds = Duration.ofNanos(intervalNanos).toSeconds();
            if (level == Level.WARN) {
                log.warn(line, what, count, seconds, detail.get());
            } else {
                log.info(line, what, count, seconds, detail.get());
            }
        } else if (log.isDebugEnabled()) {
            log.debug("{}: {}", what, detail.get());
        }
    }
}
