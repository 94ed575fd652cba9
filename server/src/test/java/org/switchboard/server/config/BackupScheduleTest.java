package org.switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code --backup-schedule}: its forms, and the times it names across midnight and daylight-saving changes. */
class BackupScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void readsDailyAtATimeOfDayAndOff() {
        assertThat(BackupSchedule.parse("daily@03:00").dailyAt()).hasValue(LocalTime.of(3, 0));
        assertThat(BackupSchedule.parse(" Daily@23:45 ").toString()).isEqualTo("daily@23:45");
        assertThat(BackupSchedule.parse("off")).isEqualTo(BackupSchedule.OFF);
        assertThat(BackupSchedule.OFF.enabled()).isFalse();
        assertThat(BackupSchedule.OFF).hasToString("off");
    }

    @Test
    void refusesAnythingElseNamingTheFormsItTakes() {
        for (String bad : new String[] {"daily", "daily@25:00", "weekly@03:00", "03:00", "daily@3"}) {
            assertThatThrownBy(() -> BackupSchedule.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + bad + "' is no backup schedule; expected daily@HH:MM (e.g. daily@03:00, in the "
                            + "server's time zone) or off");
        }
    }

    @Test
    void theNextTimeIsTodayUntilItHasComeThenTomorrow() {
        BackupSchedule schedule = BackupSchedule.parse("daily@03:00");
        Instant before = Instant.parse("2025-03-01T02:59:59Z");
        assertThat(schedule.next(before, ZoneOffset.UTC)).isEqualTo("2025-03-01T03:00:00Z");
        assertThat(schedule.previous(before, ZoneOffset.UTC)).isEqualTo("2025-02-28T03:00:00Z");
        Instant at = Instant.parse("2025-03-01T03:00:00Z");
        assertThat(schedule.next(at, ZoneOffset.UTC)).isEqualTo("2025-03-02T03:00:00Z");
        assertThat(schedule.previous(at, ZoneOffset.UTC)).isEqualTo(at);
    }

    @Test
    void followsTheServersTimeZoneAcrossDaylightSavingChanges() {
        BackupSchedule schedule = new BackupSchedule(Optional.of(LocalTime.of(2, 30)));
        // 2025-03-30 in Berlin: 02:00 CET becomes 03:00 CEST, so 02:30 does not exist that day
        assertThat(schedule.next(Instant.parse("2025-03-29T12:00:00Z"), BERLIN))
                .isEqualTo("2025-03-30T01:30:00Z");
        assertThat(schedule.next(Instant.parse("2025-03-30T12:00:00Z"), BERLIN))
                .as("02:30 CEST").isEqualTo("2025-03-31T00:30:00Z");
        assertThat(schedule.next(Instant.parse("2025-01-10T12:00:00Z"), BERLIN))
                .as("02:30 CET").isEqualTo("2025-01-11T01:30:00Z");
    }
}
