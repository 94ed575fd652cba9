package org.switchboard.webadmin.auth;

import java.time.Instant;

/**
 * A logged-in browser: who, its CSRF token (sent back in every form), when it started and was last
 * used. The identity is immutable; only the last use changes. Thread-safe.
 */
public final class Session {
    private final String id;
    private final Principal principal;
    private final String csrf;
    private final Instant started;
    private volatile Instant lastUsed;

    Session(String id, Principal principal, Instant started) {
        this.id = id;
        this.principal = principal;
        this.csrf = RandomTokens.next();
        this.started = started;
        this.lastUsed = started;
    }

    public String id() {
        return id;
    }

    public Principal principal() {
        return principal;
    }

    public String csrf() {
        return csrf;
    }

    Instant started() {
        return started;
    }

    Instant lastUsed() {
        return lastUsed;
    }

    void touch(Instant now) {
        lastUsed = now;
    }
}
