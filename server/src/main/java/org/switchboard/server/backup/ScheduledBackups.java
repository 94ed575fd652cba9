package org.switchboard.server.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.store.PrivateFiles;
import org.switchboard.server.config.BackupSchedule;

/**
 * The running server's scheduled backups: {@link #tick()}, called every second on the backup thread,
 * writes a backup into the backup directory once the scheduled time has come, then deletes all but
 * the newest ones ({@link BackupRetention}). At {@link #start()} a backup that the schedule missed
 * while the server was stopped (none newer than the last scheduled time) is due at once, so a box
 * switched off at night still gets its daily backup. A failed backup is tried again after
 * {@link #RETRY}, or at the next scheduled time if that is sooner. Time comes from the clock only, in
 * its zone, so tests move it by hand. Blocks (file system and database); used by one thread.
 */
final class ScheduledBackups {
    /** How long after a failed backup it is tried again. */
    static final Duration RETRY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBackups.class);

    private final BackupSchedule schedule;
    private final BackupRetention retention;
    private final Clock clock;
    private final BackupRequests.Backup backup;
    private final BackupOutcomes outcomes;
    private Instant due;

    /**
     * @param schedule when to back up; must be enabled
     * @param backup writes one backup to the given file and describes it
     */
    ScheduledBackups(BackupSchedule schedule, BackupRetention retention, Clock clock, BackupRequests.Backup backup,
            BackupOutcomes outcomes) {
        if (!schedule.enabled()) {
            throw new IllegalArgumentException("no backup is scheduled");
        }
        this.schedule = schedule;
        this.retention = retention;
        this.clock = clock;
        this.backup = backup;
        this.outcomes = outcomes;
    }

    /** Finds the newest backup already written, for the metrics, and decides when the first one is due. */
    void start() {
        Instant now = clock.instant();
        Optional<Instant> newest = Optional.empty();
        try {
            List<Path> backups = retention.backups();
            if (!backups.isEmpty()) {
                newest = Optional.of(BackupRetention.takenAt(backups.get(0)));
                outcomes.noteWritten(newest.get(), Files.size(backups.get(0)));
            }
        } catch (IOException e) {
            LOG.warn("Could not list the backups in {}: {}", retention.dir(), e.toString());
        }
        Instant previous = schedule.previous(now, clock.getZone());
        boolean missed = newest.isEmpty() || newest.get().isBefore(previous);
        due = missed ? now : schedule.next(now, clock.getZone());
        LOG.info("Scheduled backups {} into {}: {}", schedule, retention.dir(),
                missed ? "the last one is missing, so one is taken now" : "the next at " + due);
    }

    /** When the next backup is due. */
    Instant due() {
        return due;
    }

    /** Writes the scheduled backup if it is due; never throws (a failure is logged, counted and retried). */
    void tick() {
        Instant now = clock.instant();
        if (now.isBefore(due)) {
            return;
        }
        Instant next = schedule.next(now, clock.getZone());
        Path target = retention.fileFor(now);
        try {
            Files.createDirectories(retention.dir().toAbsolutePath().getParent());
            PrivateFiles.createSubdirectory(retention.dir());
            String what = backup.to(target);
            outcomes.recordSuccess(BackupOutcomes.Trigger.SCHEDULED, now, Files.size(target));
            LOG.info("Scheduled backup: {}; the next at {}", what, next);
            due = next;
        } catch (Exception e) {
            outcomes.recordFailure(BackupOutcomes.Trigger.SCHEDULED);
            Instant retry = now.plus(RETRY);
            due = retry.isBefore(next) ? retry : next;
            LOG.error("Scheduled backup into {} failed: {}; trying again at {}", target, e.toString(), due);
            return;
        }
        try {
            for (Path deleted : retention.prune()) {
                LOG.info("Deleted the old backup {}; keeping the newest {}", deleted, retention.keep());
            }
        } catch (IOException e) {
            LOG.warn("Could not delete old backups in {}: {}", retention.dir(), e.toString());
        }
    }
}
