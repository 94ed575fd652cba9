package org.switchboard.registrar.bruteforce;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts authentication failures per source address and per user in a sliding window and bans the
 * source address when a {@link BruteForcePolicy} threshold is reached. Trusted networks are never
 * banned. Bans expire by themselves; they can be listed and lifted (CLI, web admin). Every ban, lift
 * and expiry is logged with its reason.
 *
 * <p>What counts as a failure is the caller's decision: the authenticator records wrong credentials,
 * never the first challenge of a request that carried none. Memory is bounded by {@link
 * BruteForcePolicy#maxTracked()} per map. Time comes from the injected clock. Thread-safe (one short
 * lock); never blocks, so {@link #activeBan} may be called on an event loop.
 */
public final class BruteForceGuard {
    private static final Logger LOG = LoggerFactory.getLogger(BruteForceGuard.class);

    private final BruteForcePolicy policy;
    private final Clock clock;
    private final Map<InetAddress, Deque<Instant>> sourceFailures;
    private final Map<String, Deque<Instant>> userFailures;
    private final Map<InetAddress, Ban> bans;

    public BruteForceGuard(BruteForcePolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.sourceFailures = lru(policy.maxTracked());
        this.userFailures = lru(policy.maxTracked());
        this.bans = lru(policy.maxTracked());
    }

    private static <K, V> Map<K, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether {@code source} is in a trusted network. */
    public boolean isTrusted(InetAddress source) {
        return policy.trustedNetworks().stream().anyMatch(n -> n.contains(source));
    }

    /** The ban in force on {@code source}, if any; an expired ban is removed and logged. */
    public synchronized Optional<Ban> activeBan(InetAddress source) {
        Ban ban = bans.get(source);
        if (ban == null) {
            return Optional.empty();
        }
        if (!ban.until().isAfter(clock.instant())) {
            bans.remove(source);
            LOG.info("Ban of {} expired (was: {})", source.getHostAddress(), ban.reason());
            return Optional.empty();
        }
        return Optional.of(ban);
    }

    /**
     * Records one failed authentication.
     *
     * @param source where the request came from
     * @param user the user name as claimed, e.g. {@code 201@example.com}, existing or not, or
     *     {@code null} if none was given
     * @return the ban this failure caused, if any
     */
    public synchronized Optional<Ban> recordFailure(InetAddress source, String user) {
        if (isTrusted(source)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        int fromSource = count(sourceFailures.computeIfAbsent(source, k -> new ArrayDeque<>()), now,
                policy.maxFailuresPerSource());
        int forUser = user == null ? 0
                : count(userFailures.computeIfAbsent(user, k -> new ArrayDeque<>()), now, policy.maxFailuresPerUser());
        String reason;
        if (fromSource >= policy.maxFailuresPerSource()) {
            reason = fromSource + " failed authentications from this address within " + policy.window()
                    + (user == null ? "" : ", last as " + user);
        } else if (forUser >= policy.maxFailuresPerUser()) {
            reason = forUser + " failed authentications for user " + user + " within " + policy.window();
        } else {
            return Optional.empty();
        }
        Ban ban = new Ban(source, now, now.plus(policy.banTime()), reason);
        bans.put(source, ban);
        sourceFailures.remove(source);
        LOG.warn("Banned {} until {}: {}", source.getHostAddress(), ban.until(), reason);
        return Optional.of(ban);
    }

    /** Adds a failure at {@code now}, drops those outside the window, and returns how many remain. */
    private int count(Deque<Instant> failures, Instant now, int cap) {
        Instant windowStart = now.minus(policy.window());
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(windowStart)) {
            failures.removeFirst();
        }
        failures.addLast(now);
        while (failures.size() > cap) {
            failures.removeFirst();
        }
        return failures.size();
    }

    /** The bans in force, soonest to expire first. */
    public synchronized List<Ban> bans() {
        Instant now = clock.instant();
        List<Ban> active = new ArrayList<>();
        for (var it = bans.values().iterator(); it.hasNext(); ) {
            Ban ban = it.next();
            if (ban.until().isAfter(now)) {
                active.add(ban);
            } else {
                it.remove();
                LOG.info("Ban of {} expired (was: {})", ban.source().getHostAddress(), ban.reason());
            }
        }
        active.sort(Comparator.comparing(Ban::until));
        return active;
    }

    /**
     * Puts back a ban saved at the last shutdown, unless it has expired since or its source is now
     * in a trusted network.
     *
     * @return whether the ban is in force
     */
    public synchronized boolean restore(Ban ban) {
        if (!ban.until().isAfter(clock.instant()) || isTrusted(ban.source())) {
            return false;
        }
        bans.put(ban.source(), ban);
        return true;
    }

    /**
     * Lifts the ban on {@code source} and forgets its failures.
     *
     * @return whether a ban was in force
     */
    public synchronized boolean lift(InetAddress source) {
        sourceFailures.remove(source);
        Ban ban = bans.remove(source);
        boolean active = ban != null && ban.until().isAfter(clock.instant());
        if (active) {
            LOG.info("Ban of {} lifted by an admin (was: {})", source.getHostAddress(), ban.reason());
        }
        return active;
    }
}
