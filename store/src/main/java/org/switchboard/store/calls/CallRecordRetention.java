package org.switchboard.store.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes call records older than the retention period: once at {@link #start} and then every
 * day, on its own thread. A failed run is logged and retried at the next one.
 *
 * <p><b>Threading:</b> {@link #start} returns at once; {@link #pruneNow} blocks on the database;
 * {@link #close} stops the schedule. Thread-safe.
 */
public final class CallRecordRetention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallRecordRetention.class);
    /** How often records are pruned. */
    public static final Duration INTERVAL = Duration.ofDays(1);
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final JdbcCallRecordStore store;
    private final Supplier<Duration> retention;
    private final Clock clock;
    private final ScheduledExecutorService schedule;

    /**
     * @param retention how long records are kept, counted from the start of the call; positive
     * @throws IllegalArgumentException if {@code retention} is not positive
     */
    public CallRecordRetention(JdbcCallRecordStore store, Duration retention, Clock clock) {
        this(store, positive(retention), clock);
    }

    /**
     * @param retention how long records are kept, counted from the start of the call; read at each
     *     pruning (a live setting), positive
     */
    public CallRecordRetention(JdbcCallRecordStore store, Supplier<Duration> retention, Clock clock) {
        this.store = store;
        this.retention = retention;
        this.clock = clock;
        this.schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "call-record-pruning");
            t.setDaemon(true);
            return t;
        });
    }

    private static Supplier<Duration> positive(Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("The call record retention must be positive: " + retention);
        }
        return () -> retention;
    }

    /** Prunes now (on the pruning thread) and then every {@link #INTERVAL}. */
    public void start() {
        schedule.scheduleWithFixedDelay(this::pruneLogged, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Deletes the records of calls that started more than the retention period (as it is now) ago.
     * Blocks.
     *
     * @return how many records were deleted
     */
    public long pruneNow() {
        Duration kept = retention.get();
        Instant cutoff = clock.instant().minus(kept);
        long deleted = store.deleteStartedBefore(cutoff);
        if (deleted > 0) {
            LOG.info("Deleted {} call records of calls before {} (kept for {} days)", deleted, cutoff,
                    kept.toDays());
        }
        return deleted;
    }

    private void pruneLogged() {
        try {
            pruneNow();
        } catch (RuntimeException e) {
            LOG.warn("Could not delete old call records, will retry in {} hours: {}", INTERVAL.toHours(),
                    e.getMessage());
        }
    }

    /**
     * Stops the schedule and waits up to {@value #CLOSE_WAIT_SECONDS} s for a prune under way, which
     * is never interrupted (an interrupt can close an embedded database). Blocks.
     */
    @Override
    public void close() {
        schedule.shutdown();
        try {
            if (!schedule.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Deleting old call records is still under way at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
