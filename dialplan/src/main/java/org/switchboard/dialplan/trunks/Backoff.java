package org.switchboard.dialplan.trunks;

import java.time.Duration;

/**
 * When to register again: a refresh before the granted expiry ends, and exponential back-off after
 * failures. RFC 5626 §4.5 gives the shape of the back-off (a base time doubled per consecutive
 * failure up to a ceiling, part of it random so that many servers do not retry in step); RFC 3261
 * §10.2.1 leaves the refresh to the client, which must refresh before the binding expires.
 * Stateless; thread-safe.
 */
public final class Backoff {
    /** The first retry's wait. */
    static final Duration BASE = Duration.ofSeconds(30);
    /** The longest wait between retries. */
    static final Duration CEILING = Duration.ofMinutes(30);
    /** How long before the end of the registration a refresh goes out, at most. */
    static final Duration MARGIN = Duration.ofSeconds(60);

    private Backoff() {
    }

    /**
     * The wait before retry number {@code failures} (1 after the first failure): {@code BASE *
     * 2^(failures-1)}, at most {@link #CEILING}, scaled by {@code random} between 0.5 and 1.
     *
     * @param random a value in [0, 1)
     */
    static Duration retry(int failures, double random) {
        long max = Math.min(CEILING.toMillis(), BASE.toMillis() << Math.min(failures - 1, 20));
        return Duration.ofMillis((long) (max * (0.5 + random / 2)));
    }

    /**
     * When to refresh a registration granted for {@code expires}: {@link #MARGIN} before its end,
     * but never later than halfway through, so a short expiry is refreshed at half of it.
     */
    static Duration refresh(Duration expires) {
        Duration half = expires.dividedBy(2);
        Duration beforeEnd = expires.minus(MARGIN);
        return beforeEnd.compareTo(half) > 0 ? beforeEnd : half;
    }
}
