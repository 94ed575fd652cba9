package org.switchboard.core.spi.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What happened to one call. Immutable.
 *
 * @param callId the Call-ID of the initial INVITE
 * @param caller the From URI of the INVITE
 * @param callee the To URI of the INVITE (who was dialled)
 * @param start when the INVITE arrived
 * @param answer when the first 2xx was forwarded, or {@code null} if the call was not answered
 * @param end when the call ended: the BYE, or the final failure response
 * @param finalStatus the status of the final response the caller got (200 for answered calls)
 * @param hangup who ended an answered call
 */
public record CallRecord(String callId, String caller, String callee, Instant start, Instant answer, Instant end,
        int finalStatus, Hangup hangup) {

    /** Who ended the call. */
    public enum Hangup {
        /** The caller sent BYE. */
        CALLER,
        /** The callee sent BYE. */
        CALLEE,
        /** The call was never answered (or it was dropped from memory before its BYE). */
        NONE
    }

    public CallRecord {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(hangup, "hangup");
    }

    public boolean answered() {
        return answer != null;
    }
}
