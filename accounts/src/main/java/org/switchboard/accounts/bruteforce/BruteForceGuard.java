package org.switchboard.accounts.bruteforce;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.store.Ban;

/**
 * Counts authentication failures per source address and user, and per source address, in a sliding
 * window, and acts as its {@link BruteForcePolicy} says: a user that keeps failing from an address is
 * blocked from that address only, for a time that doubles with each block (so a misconfigured phone
 * locks out neither its neighbours behind the same NAT address nor its own user elsewhere); an
 * address is banned — everything it sends dropped — for guessing across users or for a flood of
 * failures. Trusted networks are never blocked nor banned. Bans expire by themselves and can be
 * listed and lifted; each ban is logged once with who, why and until when, and handed to the {@link
 * BanListener} (which saves it), as is each lift.
 *
 * <p>What counts as a failure is the caller's decision: the authenticator records wrong credentials,
 * never the first challenge of a request that carried none. Memory is bounded by {@link
 * BruteForcePolicy#maxTracked()} per map. Time comes from the injected clock. Thread-safe: {@link
 * #isBanned} and {@link #activeBan} take no lock (the transports ask for every packet); the counting
 * takes one short lock. Never blocks, so every method may be called on an event loop.
 */
public final class BruteForceGuard {
    private static final Logger LOG = LoggerFactory.getLogger(BruteForceGuard.class);

    private final BruteForcePolicy policy;
    private final Clock clock;
    private final BanListener listener;
    private final ConcurrentHashMap<InetAddress, Ban> bans = new ConcurrentHashMap<>();
    /** Guarded by {@code this}. */
    private final Map<InetAddress, SourceFailures> sources;
    /** Guarded by {@code this}. */
    private final Map<Pair, UserFailures> pairs;
    /** Whether {@link #pairs} may hold anything, so that a success costs no lock in the usual case. */
    private volatile boolean anyPairs;
    private final LongAdder failures = new LongAdder();

    private record Pair(InetAddress source, String user) {
    }

    /** One address's failures and the users they were for, oldest first. */
    private static final class SourceFailures {
        final Deque<Instant> failures = new ArrayDeque<>();
        final LinkedHashMap<String, Instant> users = new LinkedHashMap<>();
    }

    /** One user's failures from one address, and its block. */
    private static final class UserFailures {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant blockedUntil = Instant.MIN;
        int blocks;
    }

    public BruteForceGuard(BruteForcePolicy policy, Clock clock) {
        this(policy, clock, BanListener.NONE);
    }

    /** @param listener told of each ban made and lifted, on the thread that caused it */
    public BruteForceGuard(BruteForcePolicy policy, Clock clock, BanListener listener) {
        this.policy = policy;
        this.clock = clock;
        this.listener = listener;
        this.sources = lru(policy.maxTracked());
        this.pairs = lru(policy.maxTracked());
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
    /** The networks never blocked or banned, from the policy. */
    public List<Cidr> trustedNetworks() {
        return policy.trustedNetworks();
    }

    public boolean isTrusted(InetAddress source) {
        for (Cidr network : policy.trustedNetworks()) {
            if (network.contains(source)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a ban is in force on {@code source}. Takes no lock; for every packet. */
    public boolean isBanned(InetAddress source) {
        if (bans.isEmpty()) {
            return false;
        }
        Ban ban = bans.get(source);
        return ban != null && ban.until().isAfter(clock.instant());
    }

    /** The ban in force on {@code source}, if any; an expired ban is removed and logged. */
    public Optional<Ban> activeBan(InetAddress source) {
        Ban ban = bans.isEmpty() ? null : bans.get(source);
        if (ban == null) {
            return Optional.empty();
        }
        if (!ban.until().isAfter(clock.instant())) {
            if (bans.remove(source, ban)) {
                LOG.info("Ban of {} expired (was: {})", source.getHostAddress(), ban.reason());
            }
            return Optional.empty();
        }
        return Optional.of(ban);
    }

    /**
     * Until when {@code user} is refused from {@code source} without its credentials being checked:
     * while the address is banned, or while this user is blocked there. An attempt while blocked
     * counts towards the address's flood limit, so it may ban the address.
     *
     * @param user the user name as claimed, e.g. {@code 201@example.com}
     */
    public Optional<Instant> refusedUntil(InetAddress source, String user) {
        Optional<Ban> ban = activeBan(source);
        if (ban.isPresent()) {
            return Optional.of(ban.get().until());
        }
        if (!anyPairs || isTrusted(source)) {
            return Optional.empty();
        }
        Ban made;
        Instant blockedUntil;
        synchronized (this) {
            UserFailures pair = pairs.get(new Pair(source, user));
            Instant now = clock.instant();
            if (pair == null || !pair.blockedUntil.isAfter(now)) {
                return Optional.empty();
            }
            blockedUntil = pair.blockedUntil;
            made = countForSource(source, user, now);
        }
        if (made != null) {
            announce(made);
            return Optional.of(made.until());
        }
        return Optional.of(blockedUntil);
    }

    /**
     * Records one failed authentication.
     *
     * @param source where the request came from
     * @param user the user name as claimed, e.g. {@code 201@example.com}, existing or not, or
     *     {@code null} if none was given
     * @return until when this source, or this user from this source, is now refused, if this failure
     *     made it so
     */
    public Optional<Instant> recordFailure(InetAddress source, String user) {
        failures.increment();
        if (isTrusted(source)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Ban made;
        Instant blockedUntil = null;
        synchronized (this) {
            if (user != null) {
                blockedUntil = countForUser(source, user, now);
            }
            made = countForSource(source, user, now);
        }
        if (made != null) {
            announce(made);
            return Optional.of(made.until());
        }
        return Optional.ofNullable(blockedUntil);
    }

    /** Counts a failure of {@code user} from {@code source}; returns the block it started, or null. */
    private Instant countForUser(InetAddress source, String user, Instant now) {
        UserFailures pair = pairs.computeIfAbsent(new Pair(source, user), k -> new UserFailures());
        anyPairs = true;
        prune(pair.failures, now);
        if (pair.failures.isEmpty() && !pair.blockedUntil.isAfter(now)) {
            pair.blocks = 0; // everything it did before has aged out: start the back-off afresh
        }
        add(pair.failures, now, policy.maxFailuresPerUser());
        if (pair.failures.size() < policy.maxFailuresPerUser() || pair.blockedUntil.isAfter(now)) {
            return null;
        }
        Duration length = policy.userBlockTime().multipliedBy(1L << Math.min(pair.blocks, 20));
        if (length.compareTo(policy.banTime()) > 0) {
            length = policy.banTime();
        }
        pair.blocks++;
        pair.blockedUntil = now.plus(length);
        LOG.warn("Blocked {} from {} until {}: {} failed authentications within {} (other users from that address"
                + " are not affected)", user, source.getHostAddress(), pair.blockedUntil, pair.failures.size(),
                policy.window());
        return pair.blockedUntil;
    }

    /** Counts a failure from {@code source}; returns the ban it made, or null. Call holding the lock. */
    private Ban countForSource(InetAddress source, String user, Instant now) {
        SourceFailures s = sources.computeIfAbsent(source, k -> new SourceFailures());
        prune(s.failures, now);
        add(s.failures, now, policy.maxFailuresPerSource());
        Instant windowStart = now.minus(policy.window());
        s.users.values().removeIf(last -> !last.isAfter(windowStart));
        if (user != null) {
            s.users.remove(user);
            s.users.put(user, now);
        }
        String reason;
        if (s.users.size() >= policy.maxUsersPerSource()) {
            reason = s.users.size() + " different users failed to authenticate from this address within "
                    + policy.window() + ", last " + user;
        } else if (s.failures.size() >= policy.maxFailuresPerSource()) {
            reason = s.failures.size() + " failed authentications from this address within " + policy.window()
                    + (user == null ? "" : ", last as " + user);
        } else {
            return null;
        }
        if (isBanned(source)) {
            return null;
        }
        sources.remove(source);
        Ban ban = new Ban(source, now, now.plus(policy.banTime()), reason);
        putBan(ban);
        return ban;
    }

    private void prune(Deque<Instant> failures, Instant now) {
        Instant windowStart = now.minus(policy.window());
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(windowStart)) {
            failures.removeFirst();
        }
    }

    private static void add(Deque<Instant> failures, Instant now, int cap) {
        failures.addLast(now);
        while (failures.size() > cap) {
            failures.removeFirst();
        }
    }

    /** Logs a new ban once and tells the listener, outside the lock. */
    private void announce(Ban ban) {
        LOG.warn("Banned {} until {}: {}", ban.source().getHostAddress(),
                ban.until(), ban.reason());
        listener.banned(ban);
    }

    /** Keeps the bans within {@code maxTracked}: expired ones go first, then those ending soonest. */
    private void putBan(Ban ban) {
        if (bans.size() >= policy.maxTracked()) {
            Instant now = clock.instant();
            bans.values().removeIf(b -> !b.until().isAfter(now));
            while (bans.size() >= policy.maxTracked()) {
                bans.values().stream().min(Comparator.comparing(Ban::until))
                        .ifPresent(b -> bans.remove(b.source(), b));
            }
        }
        bans.put(ban.source(), ban);
    }

    /**
     * Records a successful authentication: the user's failures from that address are forgotten, and
     * with them its back-off. Takes no lock unless failures are remembered.
     */
    public void recordSuccess(InetAddress source, String user) {
        if (!anyPairs) {
            return;
        }
        synchronized (this) {
            pairs.remove(new Pair(source, user));
            anyPairs = !pairs.isEmpty();
        }
    }

    /** Failed authentications recorded since start, trusted sources included; for metrics. */
    public long failures() {
        return failures.sum();
    }

    /** How many bans are in force now, counted without copying or sorting them; for metrics. */
    public int activeBanCount() {
        Instant now = clock.instant();
        int active = 0;
        for (Ban ban : bans.values()) {
            if (ban.until().isAfter(now)) {
                active++;
            }
        }
        return active;
    }

    /** The bans in force, soonest to expire first. */
    public List<Ban> bans() {
        Instant now = clock.instant();
        List<Ban> active = new ArrayList<>();
        for (Ban ban : bans.values()) {
            if (ban.until().isAfter(now)) {
                active.add(ban);
            } else if (bans.remove(ban.source(), ban)) {
                LOG.info("Ban of {} expired (was: {})", ban.source().getHostAddress(), ban.reason());
            }
        }
        active.sort(Comparator.comparing(Ban::until));
        return active;
    }

    /**
     * Puts back a saved ban, unless it has expired since or its source is now in a trusted network.
     *
     * @return whether the ban is in force
     */
    public boolean restore(Ban ban) {
        if (!ban.until().isAfter(clock.instant()) || isTrusted(ban.source())) {
            return false;
        }
        synchronized (this) {
            putBan(ban);
        }
        return true;
    }

    /**
     * Bans {@code source} for {@code duration} because an admin says so, replacing a ban in force, and
     * tells the listener (which saves it).
     *
     * @return the ban made
     * @throws IllegalArgumentException if the source is in a trusted network or the duration is not
     *     positive
     */
    public Ban ban(InetAddress source, Duration duration, String reason) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("A ban must last longer than zero: " + duration);
        }
        if (isTrusted(source)) {
            throw new IllegalArgumentException(source.getHostAddress() + " is in a trusted network and is never banned");
        }
        Instant now = clock.instant();
        Ban ban = new Ban(source, now, now.plus(duration), reason);
        synchronized (this) {
            putBan(ban);
        }
        announce(ban);
        return ban;
    }

    /**
     * Lifts the ban on {@code source} and forgets its failures and its users' blocks.
     *
     * @return whether a ban was in force
     */
    public boolean lift(InetAddress source) {
        synchronized (this) {
            sources.remove(source);
            for (Iterator<Pair> it = pairs.keySet().iterator(); it.hasNext(); ) {
                if (it.next().source().equals(source)) {
                    it.remove();
                }
            }
            anyPairs = !pairs.isEmpty();
        }
        Ban ban = bans.remove(source);
        boolean active = ban != null && ban.until().isAfter(clock.instant());
        if (active) {
            LOG.info("Ban of {} lifted by an admin (was: {})", source.getHostAddress(), ban.reason());
        }
        listener.lifted(source);
        return active;
    }
}
