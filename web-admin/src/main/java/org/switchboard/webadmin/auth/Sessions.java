package org.switchboard.webadmin.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The logged-in browsers, in memory (a restart logs everyone out), by unguessable session id. A
 * session ends on logout, after {@code idleTimeout} without a request, or {@code maxLifetime} after
 * login however busy. At most {@code capacity} sessions exist: a login beyond that ends the one
 * idle longest. Thread-safe.
 */
public final class Sessions {
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration maxLifetime;
    private final int capacity;

    public Sessions(Clock clock, Duration idleTimeout, Duration maxLifetime, int capacity) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.maxLifetime = maxLifetime;
        this.capacity = capacity;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Starts a session for {@code principal}. */
    public Session start(Principal principal) {
        removeExpired();
        while (byId.size() >= capacity) {
            byId.values().stream().min((a, b) -> a.lastUsed().compareTo(b.lastUsed()))
                    .ifPresent(oldest -> byId.remove(oldest.id()));
        }
        Session session = new Session(RandomTokens.next(), principal, clock.instant());
        byId.put(session.id(), session);
        return session;
    }

    /** The live session of this id, marked as used now; empty if unknown or expired (then removed). */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = byId.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            byId.remove(id);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    public void end(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    /** Forgets expired sessions; called periodically and before each login. */
    public void removeExpired() {
        Instant now = clock.instant();
        byId.values().removeIf(s -> expired(s, now));
    }

    private boolean expired(Session session, Instant now) {
        return !now.isBefore(session.lastUsed().plus(idleTimeout)) || !now.isBefore(session.started().plus(maxLifetime));
    }
}
