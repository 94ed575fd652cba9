package org.switchboard.dialplan.plan;

/**
 * The plan in force, swapped in one step: a call reads {@link #current} once and keeps that plan
 * for its whole decision, so a swap never gives it half of each. Thread-safe; one volatile read.
 */
public final class PlanHolder {
    private volatile DialPlan current;

    public PlanHolder(DialPlan initial) {
        this.current = initial;
    }

    public DialPlan current() {
        return current;
    }

    /** Makes {@code plan} the plan for calls from now on. */
    public void swap(DialPlan plan) {
        current = plan;
    }
}
