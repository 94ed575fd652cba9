package org.switchboard.accounts.bruteforce;

import java.time.Duration;
import java.util.List;

/**
 * When the {@link BruteForceGuard} blocks a user from an address, and when it bans the address.
 * Made for offices behind one NAT address: one phone with a wrong password blocks only its own user
 * from that address, never its neighbours; the address itself is banned only for what no office does
 * — guessing across many users, or a flood of failures. Immutable.
 *
 * @param maxFailuresPerUser failed authentications of one user from one address within {@code
 *     window} after which that user is blocked from that address
 * @param userBlockTime how long the first such block lasts; each further block of the same user and
 *     address while its failures are remembered lasts twice as long as the one before, up to {@code
 *     banTime}
 * @param maxUsersPerSource distinct users failing from one address within {@code window} that ban the
 *     address (someone trying passwords across the extensions)
 * @param maxFailuresPerSource failed authentications from one address within {@code window}, attempts
 *     of blocked users included, that ban the address (a cracking tool's flood)
 * @param window the sliding window failures are counted in
 * @param banTime how long a ban of an address lasts
 * @param trustedNetworks sources never blocked nor banned (the office LAN, a trusted gateway)
 * @param maxTracked the most addresses, user-address pairs and bans remembered each; the least
 *     recently seen are forgotten first, so memory stays bounded under a spray of addresses
 */
public record BruteForcePolicy(int maxFailuresPerUser, Duration userBlockTime, int maxUsersPerSource,
        int maxFailuresPerSource, Duration window, Duration banTime, List<Cidr> trustedNetworks, int maxTracked) {

    public BruteForcePolicy {
        if (maxFailuresPerUser < 1 || maxUsersPerSource < 1 || maxFailuresPerSource < 1 || maxTracked < 1) {
            throw new IllegalArgumentException("Failure thresholds and maxTracked must be at least 1");
        }
        if (!isPositive(window) || !isPositive(banTime) || !isPositive(userBlockTime)) {
            throw new IllegalArgumentException("Window, block and ban times must be positive");
        }
        trustedNetworks = List.copyOf(trustedNetworks);
    }

    private static boolean isPositive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    /**
     * Within 10 minutes: 10 failures of one user from one address block that user there for 5
     * minutes (then 10, 20, 40, 60); 10 failing users or 100 failures from one address ban it for an
     * hour. No trusted networks.
     */
    public static BruteForcePolicy defaults() {
        return new BruteForcePolicy(10, Duration.ofMinutes(5), 10, 100, Duration.ofMinutes(10), Duration.ofHours(1),
                List.of(), 100_000);
    }

    public BruteForcePolicy withTrustedNetworks(List<Cidr> networks) {
        return new BruteForcePolicy(maxFailuresPerUser, userBlockTime, maxUsersPerSource, maxFailuresPerSource,
                window, banTime, networks, maxTracked);
    }
}
