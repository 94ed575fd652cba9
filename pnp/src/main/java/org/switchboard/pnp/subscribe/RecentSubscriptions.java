package org.switchboard.pnp.subscribe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.switchboard.pnp.MacAddress;

/**
 * Remembers which phones were answered recently, so that a phone repeating its SUBSCRIBE within
 * the window (phones retry: Grandstream up to five times, snom on every boot attempt) is not
 * recorded in the device database again. It decides about work only: every SUBSCRIBE still gets
 * its NOTIFY (RFC 6665 §4.2.2).
 *
 * <p>Bounded: past {@code capacity} entries the oldest is forgotten, so a flood of made-up MACs
 * costs memory only up to the bound. Thread-safe (synchronised; the work per call is tiny).
 */
public final class RecentSubscriptions {
    private final Clock clock;
    private final Duration window;
    private final int capacity;
    private final LinkedHashMap<MacAddress, Instant> answeredAt = new LinkedHashMap<>();

    /**
     * @param clock the time source (a manual clock in tests)
     * @param window how long a MAC counts as recently answered
     * @param capacity the most MACs remembered at once
     */
    public RecentSubscriptions(Clock clock, Duration window, int capacity) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.clock = clock;
        this.window = window;
        this.capacity = capacity;
    }

    /**
     * Records an answer to {@code mac} now, unless it was answered within the window.
     *
     * @return {@code true} if the caller should do the work, {@code false} for a repeat
     */
    public synchronized boolean claim(MacAddress mac) {
        Instant now = clock.instant();
        forgetOlderThan(now.minus(window));
        if (answeredAt.containsKey(mac)) {
            return false;
        }
        if (answeredAt.size() >= capacity) {
            Iterator<MacAddress> oldest = answeredAt.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        answeredAt.put(mac, now);
        return true;
    }

    /** How many MACs are remembered now (for metrics and tests). */
    public synchronized int size() {
        forgetOlderThan(clock.instant().minus(window));
        return answeredAt.size();
    }

    /** Entries are in insertion order, which is time order, so expired ones are at the head. */
    private void forgetOlderThan(Instant limit) {
        Iterator<Map.Entry<MacAddress, Instant>> it = answeredAt.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().isAfter(limit)) {
                return;
            }
            it.remove();
        }
    }
}
