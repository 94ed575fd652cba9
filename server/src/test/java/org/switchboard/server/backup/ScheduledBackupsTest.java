package org.switchboard.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.config.BackupSchedule;
import org.switchboard.testkit.time.ManualClock;

/**
 * The schedule and the retention of the running server's backups, on a clock moved by hand (from
 * 2025-01-01 12:00 UTC) and a stand-in for the backup that writes a small file: when backups are due,
 * which ones are kept, what is counted, and what a failure leads to.
 */
class ScheduledBackupsTest {
    private static final BackupSchedule AT_THREE = BackupSchedule.parse("daily@03:00");

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private final BackupOutcomes outcomes = new BackupOutcomes();
    private final List<Path> written = new ArrayList<>();
    private int failuresToCome;

    private ScheduledBackups scheduled(int keep) {
        return new ScheduledBackups(AT_THREE, new BackupRetention(dir.resolve("backups"), keep), clock, target -> {
            if (failuresToCome > 0) {
                failuresToCome--;
                throw new IOException("disk full");
            }
            Files.writeString(target, "backup " + written.size());
            written.add(target);
            return "a backup in " + target;
        }, outcomes);
    }

    private List<String> backups() throws IOException {
        try (var files = Files.list(dir.resolve("backups"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void takesTheBackupMissedWhileStoppedAtOnceThenOneAtTheScheduledTimeEachDay() throws IOException {
        ScheduledBackups backups = scheduled(7);
        backups.start();
        assertThat(backups.due()).as("none was ever taken").isEqualTo(clock.instant());
        backups.tick();
        assertThat(backups()).containsExactly("switchboard-20250101-120000Z.zip");
        assertThat(backups.due()).isEqualTo("2025-01-02T03:00:00Z");

        clock.advance(Duration.ofHours(15).minusSeconds(1));
        backups.tick();
        assertThat(written).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        backups.tick();
        backups.tick();
        assertThat(backups()).containsExactly("switchboard-20250101-120000Z.zip", "switchboard-20250102-030000Z.zip");
        assertThat(backups.due()).isEqualTo("2025-01-03T03:00:00Z");
        assertThat(outcomes.completed(BackupOutcomes.Trigger.SCHEDULED)).isEqualTo(2);
        assertThat(outcomes.completed(BackupOutcomes.Trigger.REQUESTED)).isZero();
        assertThat(outcomes.lastSuccessEpochSeconds()).isEqualTo(Instant.parse("2025-01-02T03:00:00Z").getEpochSecond());
        assertThat(outcomes.lastSizeBytes()).isEqualTo("backup 1".length());
    }

    @Test
    void aBackupTakenSinceTheLastScheduledTimeMakesTheNextOneWaitAndShowsInTheMetrics() throws IOException {
        Files.createDirectories(dir.resolve("backups"));
        Files.writeString(dir.resolve("backups/switchboard-20250101-030000Z.zip"), "earlier");
        ScheduledBackups backups = scheduled(7);
        backups.start();
        assertThat(backups.due()).isEqualTo("2025-01-02T03:00:00Z");
        backups.tick();
        assertThat(written).isEmpty();
        assertThat(outcomes.lastSuccessEpochSeconds()).isEqualTo(Instant.parse("2025-01-01T03:00:00Z").getEpochSecond());
        assertThat(outcomes.lastSizeBytes()).isEqualTo("earlier".length());
    }

    @Test
    void aBackupOlderThanTheLastScheduledTimeIsTakenAgainAtStart() throws IOException {
        Files.createDirectories(dir.resolve("backups"));
        Files.writeString(dir.resolve("backups/switchboard-20241231-030000Z.zip"), "the day before");
        ScheduledBackups backups = scheduled(7);
        backups.start();
        backups.tick();
        assertThat(backups()).containsExactly("switchboard-20241231-030000Z.zip", "switchboard-20250101-120000Z.zip");
    }

    @Test
    void keepsTheNewestBackupsDeletesOlderOnesAndLeavesOtherFilesAlone() throws IOException {
        Files.createDirectories(dir.resolve("backups"));
        Files.writeString(dir.resolve("backups/before-the-upgrade.zip"), "by hand");
        Files.writeString(dir.resolve("backups/switchboard-20240101-030000Z.zip.notes"), "by hand");
        ScheduledBackups backups = scheduled(3);
        backups.start();
        for (int day = 0; day < 5; day++) {
            backups.tick();
            clock.advance(Duration.between(clock.instant(), backups.due()));
        }
        assertThat(written).hasSize(5);
        assertThat(backups()).containsExactly("before-the-upgrade.zip", "switchboard-20240101-030000Z.zip.notes",
                "switchboard-20250103-030000Z.zip", "switchboard-20250104-030000Z.zip",
                "switchboard-20250105-030000Z.zip");
    }

    @Test
    void aFailedBackupIsCountedAndTriedAgainAnHourLaterOrAtTheNextScheduledTime() throws IOException {
        failuresToCome = 2;
        ScheduledBackups backups = scheduled(7);
        backups.start();
        backups.tick();
        assertThat(outcomes.failed(BackupOutcomes.Trigger.SCHEDULED)).isEqualTo(1);
        assertThat(backups.due()).isEqualTo("2025-01-01T13:00:00Z");
        assertThat(outcomes.lastSuccessEpochSeconds()).isZero();

        clock.advance(Duration.ofHours(14).plusMinutes(30));
        backups.tick();
        assertThat(outcomes.failed(BackupOutcomes.Trigger.SCHEDULED)).isEqualTo(2);
        assertThat(backups.due()).as("03:00 comes before 03:30").isEqualTo("2025-01-02T03:00:00Z");

        clock.advance(Duration.ofMinutes(30));
        backups.tick();
        assertThat(backups()).containsExactly("switchboard-20250102-030000Z.zip");
        assertThat(outcomes.completed(BackupOutcomes.Trigger.SCHEDULED)).isEqualTo(1);
    }
}
