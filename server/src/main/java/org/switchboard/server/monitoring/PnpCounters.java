package org.switchboard.server.monitoring;

import java.util.concurrent.atomic.LongAdder;

/** Plug-and-play counters, for metrics: phones that asked, and settings with accounts served. Thread-safe. */
public final class PnpCounters {
    private final LongAdder subscriptions = new LongAdder();
    private final LongAdder provisioned = new LongAdder();

    void recordSubscription() {
        subscriptions.increment();
    }

    void recordProvisioned() {
        provisioned.increment();
    }

    /** Plug-and-play SUBSCRIBEs recorded, multicast and unicast, repeats within the repeat window not included. */
    public long subscriptions() {
        return subscriptions.sum();
    }

    /** Settings files with account data served to a phone. */
    public long provisioned() {
        return provisioned.sum();
    }
}
