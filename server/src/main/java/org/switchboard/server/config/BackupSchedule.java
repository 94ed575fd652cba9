package org.switchboard.server.config;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * When the running server backs itself up: {@code daily@HH:MM} (local time of the server's time zone)
 * or {@code off}. Immutable.
 *
 * @param dailyAt the time of day of the backup, or empty for no scheduled backup
 */
public record BackupSchedule(Optional<LocalTime> dailyAt) {
    /** No scheduled backup. */
    public static final BackupSchedule OFF = new BackupSchedule(Optional.empty());
    private static final String DAILY = "daily@";
    private static final String OFF_TEXT = "off";

    /** Keeps minutes only: a schedule is written to the minute. */
    public BackupSchedule {
        dailyAt = dailyAt.map(t -> t.withSecond(0).withNano(0));
    }

    /**
     * Reads {@code daily@HH:MM} or {@code off}.
     *
     * @throws IllegalArgumentException naming the forms it takes
     */
    public static BackupSchedule parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals(OFF_TEXT)) {
            return OFF;
        }
        if (value.startsWith(DAILY)) {
            try {
                return new BackupSchedule(Optional.of(LocalTime.parse(value.substring(DAILY.length()))));
            } catch (DateTimeParseException e) {
                // answered below, with the forms a schedule takes
            }
        }
        throw new IllegalArgumentException("'" + text + "' is no backup schedule; expected daily@HH:MM "
                + "(e.g. daily@03:00, in the server's time zone) or off");
    }

    /** Whether backups are scheduled at all. */
    public boolean enabled() {
        return dailyAt.isPresent();
    }

    /**
     * The first scheduled time after {@code now}. A time of day that a daylight-saving change skips
     * falls on the first instant after the gap.
     *
     * @throws IllegalStateException if the schedule is {@link #OFF}
     */
    public Instant next(Instant now, ZoneId zone) {
        Instant today = on(now.atZone(zone).toLocalDate(), zone);
        return today.isAfter(now) ? today : on(now.atZone(zone).toLocalDate().plusDays(1), zone);
    }

    /** The last scheduled time at or before {@code now}; as {@link #next}. */
    public Instant previous(Instant now, ZoneId zone) {
        Instant today = on(now.atZone(zone).toLocalDate(), zone);
        return today.isAfter(now) ? on(now.atZone(zone).toLocalDate().minusDays(1), zone) : today;
    }

    /** The scheduled time on a day; each day's from its own date, so a gap on one day moves no other. */
    private Instant on(LocalDate day, ZoneId zone) {
        LocalTime at = dailyAt.orElseThrow(() -> new IllegalStateException("no backup is scheduled"));
        return ZonedDateTime.of(day, at, zone).toInstant();
    }

    /** As written: {@code daily@03:00} or {@code off}. */
    @Override
    public String toString() {
        return dailyAt.map(t -> DAILY + t).orElse(OFF_TEXT);
    }
}
