package org.switchboard.dialplan.plugin;

import org.switchboard.core.spi.store.DialPlanStore;
import org.switchboard.dialplan.plan.DialPlan;
import org.switchboard.dialplan.plan.PlanCompiler;

/** Reads everything the plan needs from the store and compiles it. Blocking (database). */
public final class PlanLoader {
    private final DialPlanStore store;

    public PlanLoader(DialPlanStore store) {
        this.store = store;
    }

    /** The current plan of the store, compiled. Blocking. */
    public DialPlan load() {
        // the revision first: a change during the reads makes the next poll compile again
        long revision = store.revision();
        return PlanCompiler.compile(store.rules(), store.schedules(), store.permissionClasses(), store.options(),
                revision);
    }

    /** Whether the store changed since {@code plan} was compiled. Blocking. */
    public boolean isStale(DialPlan plan) {
        return store.revision() != plan.revision();
    }
}
