package org.switchboard.core.spi.service;

import java.time.Instant;
import java.util.Objects;

/**
 * One call the proxy follows right now, from its initial INVITE until its BYE or final failure.
 * Immutable.
 *
 * @param callId the Call-ID of the initial INVITE
 * @param caller the From URI of the INVITE
 * @param callee the To URI of the INVITE (who was dialled)
 * @param state ringing until the first 2xx went to the caller, then answered
 * @param start when the INVITE arrived
 * @param answer when the first 2xx went to the caller, or {@code null} while ringing
 */
public record ActiveCall(String callId, String caller, String callee, State state, Instant start, Instant answer) {

    /** Where the call stands. */
    public enum State {
        /** The INVITE is out; no 2xx reached the caller yet. */
        RINGING,
        /** A 2xx reached the caller; the call lasts until its BYE. */
        ANSWERED
    }

    public ActiveCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(start, "start");
    }
}
