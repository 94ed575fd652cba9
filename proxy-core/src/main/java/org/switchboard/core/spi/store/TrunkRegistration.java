package org.switchboard.core.spi.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of a trunk's outbound registration (RFC 3261 §10.2), as the server last saved it: the
 * Call-ID it registers with (kept across restarts and edits, §10.2.4 asks a UA to keep it for its
 * registrations with one registrar), the last CSeq used, and a status for the admin. Immutable.
 *
 * @param state {@code registered}, {@code failed}, {@code registering} or {@code off}
 * @param reason why it failed (the provider's status line, a timeout), or {@code null}
 * @param nextAttempt when the server registers again (refresh or retry), or {@code null}
 * @param expiresAt when the granted registration ends, or {@code null} when not registered
 */
public record TrunkRegistration(String trunk, String callId, long cseq, String state, String reason,
        Instant nextAttempt, Instant expiresAt) {

    public TrunkRegistration {
        Objects.requireNonNull(trunk, "trunk");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(state, "state");
    }
}
