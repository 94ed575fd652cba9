package org.switchboard.server.backup;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the running server's backups came to, for metrics: backups written and failed, by what asked
 * for them, and the time and size of the last one written. Thread-safe.
 */
public final class BackupOutcomes {
    /** What asked for a backup. */
    public enum Trigger {
        /** The schedule, {@code --backup-schedule}. */
        SCHEDULED,
        /** {@code switchboard backup FILE} from the command line. */
        REQUESTED
    }

    /** The last backup written: when and how big. */
    private record Last(Instant at, long bytes) {
    }

    private final LongAdder[] completed = {new LongAdder(), new LongAdder()};
    private final LongAdder[] failed = {new LongAdder(), new LongAdder()};
    private final AtomicReference<Last> last = new AtomicReference<>();

    void recordSuccess(Trigger trigger, Instant at, long bytes) {
        completed[trigger.ordinal()].increment();
        noteWritten(at, bytes);
    }

    void recordFailure(Trigger trigger) {
        failed[trigger.ordinal()].increment();
    }

    /** A backup written before this server started, found in the backup directory; a newer one is kept. */
    void noteWritten(Instant at, long bytes) {
        last.accumulateAndGet(new Last(at, bytes), (old, now) -> old == null || !now.at().isBefore(old.at()) ? now : old);
    }

    /** Backups written since the server started. */
    public long completed(Trigger trigger) {
        return completed[trigger.ordinal()].sum();
    }

    /** Backups that failed since the server started. */
    public long failed(Trigger trigger) {
        return failed[trigger.ordinal()].sum();
    }

    /** When the newest backup known was written, in seconds since 1970, or 0 if none is known. */
    public double lastSuccessEpochSeconds() {
        Last known = last.get();
        return known == null ? 0 : known.at().toEpochMilli() / 1000.0;
    }

    /** The size in bytes of the newest backup known, or 0 if none is known. */
    public long lastSizeBytes() {
        Last known = last.get();
        return known == null ? 0 : known.bytes();
    }
}
