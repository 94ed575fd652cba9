package org.switchboard.presence.plugin;

import org.switchboard.presence.dialog.CallDialogs;
import org.switchboard.presence.pickup.PickupProcessor;
import org.switchboard.presence.subscription.Subscriptions;

/** What the busy lamps and pickup count, for metrics; read when scraped. Thread-safe. */
public final class PresenceStatistics {
    private final Subscriptions subscriptions;
    private final CallDialogs calls;
    private final PickupProcessor pickup;

    PresenceStatistics(Subscriptions subscriptions, CallDialogs calls, PickupProcessor pickup) {
        this.subscriptions = subscriptions;
        this.calls = calls;
        this.pickup = pickup;
    }

    /** Subscriptions now. */
    public long subscriptions() {
        return subscriptions.size();
    }

    /** Calls followed now. */
    public long callsFollowed() {
        return calls.size();
    }

    /** SUBSCRIBEs refused at a bound since start. */
    public long refused() {
        return subscriptions.refused();
    }

    /** NOTIFYs made since start. */
    public long notifies() {
        return subscriptions.notifies();
    }

    /** NOTIFYs that failed and ended their subscription since start. */
    public long failedNotifies() {
        return subscriptions.failedNotifies();
    }

    /** Pickups passed on to the caller since start. */
    public long pickups() {
        return pickup.pickups();
    }
}
