package org.switchboard.presence.dialog;

import java.time.Instant;
import java.util.Objects;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.NameAddr;

/**
 * One call the proxy relays, as the dialog event package reports it. Immutable; a change makes a
 * new value.
 *
 * @param callId the INVITE's Call-ID
 * @param callerTag the From tag of the caller
 * @param calleeTag the To tag of the callee's latest provisional or 2xx, {@code null} before any
 * @param caller the caller's address of record (From), {@code null} if the From is no SIP URI with a user
 * @param callerIdentity the From without its parameters (display name and URI), for the ringing lamp
 * @param callerTarget the caller's Contact URI (the remote target, RFC 3261 §12.1.1), {@code null} if none
 * @param callee the callee's address of record (To), {@code null} if the To is no SIP URI with a user
 * @param calleeIdentity the To without its parameters
 * @param state what the proxy saw last
 * @param since when the call started, for staleness
 */
public record TrackedCall(String callId, String callerTag, String calleeTag, AddressOfRecord caller,
        NameAddr callerIdentity, String callerTarget, AddressOfRecord callee, NameAddr calleeIdentity, DialogState state,
        Instant since) {

    public TrackedCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }

    /** This call in another state, with the callee's tag if {@code tag} is not {@code null}. */
    public TrackedCall moved(DialogState newState, String tag) {
        return new TrackedCall(callId, callerTag, tag != null ? tag : calleeTag, caller, callerIdentity, callerTarget,
                callee, calleeIdentity, newState, since);
    }

    /** Whether the call concerns {@code aor}, as caller or callee. */
    public boolean concerns(AddressOfRecord aor) {
        return aor.equals(caller) || aor.equals(callee);
    }
}
