package org.switchboard.dialplan.rule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * A named weekly schedule with holidays, such as office hours: it is open within any of its
 * windows, except on a holiday, which is closed all day (local time of its zone). A window whose
 * end is not after its start runs across midnight into the next day ({@code mon-fri 22:00-06:00}
 * is open Friday 23:00 and Saturday 05:00). Immutable and thread-safe.
 */
public record Schedule(String name, ZoneId zone, List<Window> windows, Set<LocalDate> holidays) {

    /** One weekly window: on these days, from {@code start} to {@code end}, minutes of the day (0-1440). */
    public record Window(Set<DayOfWeek> days, int start, int end) {
        public Window {
            days = Set.copyOf(days);
            if (start < 0 || start >= 1440 || end <= 0 || end > 1440) {
                throw new IllegalArgumentException("times run from 00:00 to 24:00");
            }
        }

        boolean crossesMidnight() {
            return end <= start;
        }
    }

    public Schedule {
        windows = List.copyOf(windows);
        holidays = Set.copyOf(holidays);
    }

    /** Whether the schedule is open at {@code at}. */
    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate date = local.toLocalDate();
        if (holidays.contains(date)) {
            return false;
        }
        int minute = local.getHour() * 60 + local.getMinute();
        DayOfWeek today = local.getDayOfWeek();
        DayOfWeek yesterday = today.minus(1);
        for (Window w : windows) {
            if (!w.crossesMidnight()) {
                if (w.days().contains(today) && minute >= w.start() && minute < w.end()) {
                    return true;
                }
            } else if ((w.days().contains(today) && minute >= w.start())
                    || (w.days().contains(yesterday) && minute < w.end())) {
                return true;
            }
        }
        return false;
    }
}
