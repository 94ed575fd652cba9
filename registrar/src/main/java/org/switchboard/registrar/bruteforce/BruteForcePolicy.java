package org.switchboard.registrar.bruteforce;

import java.time.Duration;
import java.util.List;

/**
 * When the {@link BruteForceGuard} bans a source. Immutable.
 *
 * @param maxFailuresPerSource failures from one address within {@code window} that ban it
 * @param maxFailuresPerUser failures for one user name (from any address) within {@code window} after
 *     which the address of each further failure is banned
 * @param window the sliding window failures are counted in
 * @param banTime how long a ban lasts
 * @param trustedNetworks sources never banned (the office LAN, a trusted gateway)
 * @param maxTracked the most sources, users and bans remembered each; the least recently seen are
 *     forgotten first, so memory stays bounded under a spray of addresses
 */
public record BruteForcePolicy(int maxFailuresPerSource, int maxFailuresPerUser, Duration window, Duration banTime,
        List<Cidr> trustedNetworks, int maxTracked) {

    public BruteForcePolicy {
        if (maxFailuresPerSource < 1 || maxFailuresPerUser < 1 || maxTracked < 1) {
            throw new IllegalArgumentException("Failure thresholds and maxTracked must be at least 1");
        }
        if (window.isNegative() || window.isZero() || banTime.isNegative() || banTime.isZero()) {
            throw new IllegalArgumentException("Window and ban time must be positive");
        }
        trustedNetworks = List.copyOf(trustedNetworks);
    }

    /** 10 failures per source or 20 per user in 10 minutes ban for 1 hour; no trusted networks. */
    public static BruteForcePolicy defaults() {
        return new BruteForcePolicy(10, 20, Duration.ofMinutes(10), Duration.ofHours(1), List.of(), 100_000);
    }

    public BruteForcePolicy withTrustedNetworks(List<Cidr> networks) {
        return new BruteForcePolicy(maxFailuresPerSource, maxFailuresPerUser, window, banTime, networks, maxTracked);
    }
}
