package org.switchboard.dialplan.rule;

import java.util.Objects;
import org.switchboard.dialplan.pattern.NumberPattern;

/**
 * One compiled rule of a domain's plan. Immutable.
 *
 * @param schedule the time condition, or {@code null} for any time
 */
public record Rule(String domain, int priority, String name, CallerCondition caller, NumberPattern callee,
        ScheduleCondition schedule, Action action) {

    public Rule {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(action, "action");
    }

    @Override
    public String toString() {
        return priority + " " + name + ": from " + caller + " to " + callee.source()
                + (schedule == null ? "" : " when " + schedule) + " -> " + action;
    }
}
