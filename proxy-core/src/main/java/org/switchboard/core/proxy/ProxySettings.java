package org.switchboard.core.proxy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the forwarding proxy behaves. Immutable.
 *
 * @param timerC how long an INVITE branch may stay without a final response (RFC 3261 §16.6 step
 *     11: more than 3 minutes); reset by each provisional
 * @param groupTimeout how long one q-value group rings before the next group is tried (sequential
 *     forking)
 * @param ringTimeout how long an INVITE may ring in all before the remaining branches are cancelled
 *     and the best response so far goes to the caller
 * @param followRedirects whether 3xx contacts are tried by the proxy itself (RFC 3261 §16.7 step 4)
 * @param maxRedirects how many 3xx responses one request may follow, against redirect loops
 * @param unavailableHostTtl how long a next hop that timed out or refused stays skipped (snom 4S
 *     "unavailable host TTL"); zero turns this off
 * @param unavailableHostCapacity how many unavailable next hops are remembered at most
 * @param trustedSources addresses (gateways, other servers) whose requests need no authentication
 * @param advertisedHost the host to put in Via and Record-Route for sockets bound to a wildcard
 *     address, or {@code null} to use the address the request came in on
 * @param maxActiveCalls how many calls the call recorder follows at once
 * @param firstResponseTimeout how long an INVITE branch may wait for its first response, even a
 *     100 Trying, before the proxy gives up on that next hop (see {@link #DEFAULTS})
 */
public record ProxySettings(Duration timerC, Duration groupTimeout, Duration ringTimeout, boolean followRedirects,
        int maxRedirects, Duration unavailableHostTtl, int unavailableHostCapacity, Set<InetAddress> trustedSources,
        String advertisedHost, int maxActiveCalls, Duration firstResponseTimeout) {

    /**
     * Timer C 181 s, 20 s per q-group, 120 s ring time, 5 redirects, unavailable hosts skipped 30 s,
     * and 4 s for a branch's first response. A live UAS or stateful proxy answers an INVITE with at
     * least 100 Trying within 200 ms (RFC 3261 §17.2.1, §16.2), and by 4 s the INVITE has gone out
     * four times over UDP (Timer A: 0, 0.5, 1.5, 3.5 s); a next hop silent by then is a stale
     * contact or a dead host, and waiting for Timer B (32 s) would hold the caller's call up.
     */
    public static final ProxySettings DEFAULTS = new ProxySettings(Duration.ofSeconds(181), Duration.ofSeconds(20),
            Duration.ofSeconds(120), true, 5, Duration.ofSeconds(30), 10_000, Set.of(), null, 100_000,
            Duration.ofSeconds(4));

    public ProxySettings {
        Objects.requireNonNull(timerC, "timerC");
        Objects.requireNonNull(groupTimeout, "groupTimeout");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        Objects.requireNonNull(unavailableHostTtl, "unavailableHostTtl");
        Objects.requireNonNull(firstResponseTimeout, "firstResponseTimeout");
        trustedSources = Set.copyOf(trustedSources);
        if (timerC.isNegative() || timerC.isZero() || groupTimeout.isNegative() || groupTimeout.isZero()
                || ringTimeout.isNegative() || ringTimeout.isZero() || unavailableHostTtl.isNegative()
                || firstResponseTimeout.isNegative() || firstResponseTimeout.isZero()) {
            throw new IllegalArgumentException("Proxy timers must be positive");
        }
        if (maxRedirects < 0 || unavailableHostCapacity <= 0 || maxActiveCalls <= 0) {
            throw new IllegalArgumentException("Proxy limits must be positive");
        }
    }

    public ProxySettings withTimers(Duration newTimerC, Duration newGroupTimeout, Duration newRingTimeout) {
        return new ProxySettings(newTimerC, newGroupTimeout, newRingTimeout, followRedirects, maxRedirects,
                unavailableHostTtl, unavailableHostCapacity, trustedSources, advertisedHost, maxActiveCalls,
                firstResponseTimeout);
    }

    public ProxySettings withRedirects(boolean follow, int max) {
        return new ProxySettings(timerC, groupTimeout, ringTimeout, follow, max, unavailableHostTtl,
                unavailableHostCapacity, trustedSources, advertisedHost, maxActiveCalls, firstResponseTimeout);
    }

    public ProxySettings withUnavailableHostTtl(Duration ttl) {
        return new ProxySettings(timerC, groupTimeout, ringTimeout, followRedirects, maxRedirects, ttl,
                unavailableHostCapacity, trustedSources, advertisedHost, maxActiveCalls, firstResponseTimeout);
    }

    public ProxySettings withTrustedSources(Set<InetAddress> sources) {
        return new ProxySettings(timerC, groupTimeout, ringTimeout, followRedirects, maxRedirects, unavailableHostTtl,
                unavailableHostCapacity, sources, advertisedHost, maxActiveCalls, firstResponseTimeout);
    }

    public ProxySettings withAdvertisedHost(String host) {
        return new ProxySettings(timerC, groupTimeout, ringTimeout, followRedirects, maxRedirects, unavailableHostTtl,
                unavailableHostCapacity, trustedSources, host, maxActiveCalls, firstResponseTimeout);
    }

    public ProxySettings withFirstResponseTimeout(Duration timeout) {
        return new ProxySettings(timerC, groupTimeout, ringTimeout, followRedirects, maxRedirects, unavailableHostTtl,
                unavailableHostCapacity, trustedSources, advertisedHost, maxActiveCalls, timeout);
    }
}
