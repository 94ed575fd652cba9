package org.switchboard.webadmin.auth;

/**
 * The one-time token of the first-run setup link: made at start while no administrator exists, good
 * for one successful setup, gone after it (and after a restart, which makes a new one). Thread-safe.
 */
public final class SetupToken {
    private volatile String token;

    /** @param needed whether setup is still to be done (no administrator exists) */
    public SetupToken(boolean needed) {
        this.token = needed ? RandomTokens.next() : null;
    }

    /** Whether setup is still open. */
    public boolean open() {
        return token != null;
    }

    /** The token for the link; only while {@link #open()}. */
    public String value() {
        String t = token;
        if (t == null) {
            throw new IllegalStateException("setup is done");
        }
        return t;
    }

    public boolean matches(String candidate) {
        return RandomTokens.same(token, candidate);
    }

    /** Ends setup: the link no longer works. */
    public void close() {
        token = null;
    }
}
