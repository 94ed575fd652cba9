package org.switchboard.webadmin.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;

/**
 * Back-off on failed logins, per account <em>and</em> source address: after {@code freeFailures}
 * wrong passwords for one account from one address, each further one doubles the wait before that
 * pair may try again, from one second up to {@code maxDelay}. Keyed by the pair, not by the address
 * alone, so that one guesser behind an office's NAT address does not lock the whole office out, and
 * a guesser elsewhere does not lock the real administrator out. A success clears the pair. Entries
 * idle longer than {@code forgetAfter} are forgotten; at most {@code capacity} pairs are tracked (the
 * oldest is dropped), so a flood of made-up names costs bounded memory. Thread-safe.
 */
public final class LoginThrottle {
    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);

    private final Clock clock;
    private final int freeFailures;
    private final Duration maxDelay;
    private final Duration forgetAfter;
    private final int capacity;
    private final LinkedHashMap<String, Failures> pairs = new LinkedHashMap<>(16, 0.75f, true);

    private record Failures(int count, Instant last, Instant blockedUntil) {
    }

    public LoginThrottle(Clock clock, int freeFailures, Duration maxDelay, Duration forgetAfter, int capacity) {
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.maxDelay = maxDelay;
        this.forgetAfter = forgetAfter;
        this.capacity = capacity;
    }

    /** How long this pair must still wait before its password is checked; empty if it may try now. */
    public synchronized Optional<Duration> wait(String username, String source) {
        Failures f = pairs.get(key(username, source));
        Instant now = clock.instant();
        if (f == null || f.blockedUntil() == null || !now.isBefore(f.blockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, f.blockedUntil()));
    }

    /** Counts a wrong password; returns how many this pair has had in a row. */
    public synchronized int failed(String username, String source) {
        String key = key(username, source);
        Instant now = clock.instant();
        Failures previous = pairs.get(key);
        int count = previous == null || now.isAfter(previous.last().plus(forgetAfter)) ? 1 : previous.count() + 1;
        Instant blockedUntil = null;
        if (count > freeFailures) {
            int doublings = Math.min(count - freeFailures - 1, 30);
            Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
            blockedUntil = now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
        }
        pairs.put(key, new Failures(count, now, blockedUntil));
        while (pairs.size() > capacity) {
            pairs.remove(pairs.keySet().iterator().next());
        }
        return count;
    }

    public synchronized void succeeded(String username, String source) {
        pairs.remove(key(username, source));
    }

    private static String key(String username, String source) {
        return username.toLowerCase(Locale.ROOT) + "\n" + source;
    }

    /** For tests: how many pairs are tracked. */
    synchronized int tracked() {
        return pairs.size();
    }

}
