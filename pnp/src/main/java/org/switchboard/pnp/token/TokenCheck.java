package org.switchboard.pnp.token;

/** The result of checking a fetch token, with the reason an admin reads in the log. */
public enum TokenCheck {
    /** Genuine, for this MAC, not expired. */
    VALID("valid token"),
    /** No token given. */
    MISSING("no token"),
    /** Not a token at all: wrong length or not URL-safe base64. */
    MALFORMED("malformed token"),
    /** The signature does not match: altered, or made with another key (e.g. a lost key file). */
    TAMPERED("token signature does not match"),
    /** Genuine, but issued for another phone. */
    WRONG_MAC("token issued for another MAC"),
    /** Genuine and for this phone, but past its expiry. */
    EXPIRED("token expired");

    private final String reason;

    TokenCheck(String reason) {
        this.reason = reason;
    }

    public boolean isValid() {
        return this == VALID;
    }

    /** Words for the log, e.g. {@code token expired}. */
    public String reason() {
        return reason;
    }
}
