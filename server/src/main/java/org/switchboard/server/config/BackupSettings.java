package org.switchboard.server.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The running server's scheduled backups. Immutable.
 *
 * @param schedule when to back up, or {@link BackupSchedule#OFF}
 * @param dir where the backups go, or empty for {@value #DEFAULT_DIR} in the data directory
 * @param keep how many of the newest scheduled backups to keep; older ones are deleted; at least 1
 */
public record BackupSettings(BackupSchedule schedule, Optional<Path> dir, int keep) {
    /** The backups' directory in the data directory unless configured otherwise. */
    public static final String DEFAULT_DIR = "backups";
    /** How many scheduled backups are kept unless configured otherwise: a week of daily ones. */
    public static final int DEFAULT_KEEP = 7;
    /** No scheduled backups, for servers embedded in tests and tools. */
    public static final BackupSettings OFF = new BackupSettings(BackupSchedule.OFF, Optional.empty(), DEFAULT_KEEP);

    /** @throws IllegalArgumentException if fewer than one backup is to be kept */
    public BackupSettings {
        Objects.requireNonNull(schedule, "schedule");
        dir = dir.map(d -> d.toAbsolutePath().normalize());
        if (keep < 1) {
            throw new IllegalArgumentException("at least 1 backup must be kept, not " + keep);
        }
    }

    /** The backups' directory of a server with this data directory. */
    public Path dir(Path dataDir) {
        return dir.orElse(dataDir.resolve(DEFAULT_DIR));
    }
}
