package org.switchboard.dialplan.rule;

import java.time.Instant;

/**
 * A rule's time condition: within a schedule ({@code office}) or outside it ({@code !office}, the
 * night service). Immutable.
 */
public record ScheduleCondition(Schedule schedule, boolean outside) {

    public boolean applies(Instant at) {
        return schedule.isOpen(at) != outside;
    }

    @Override
    public String toString() {
        return (outside ? "!" : "") + schedule.name();
    }
}
