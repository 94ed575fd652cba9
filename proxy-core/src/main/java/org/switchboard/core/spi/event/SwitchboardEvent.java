package org.switchboard.core.spi.event;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened in the server, as the {@link EventBus} delivers it to listeners. Sealed:
 * a listener that wants several kinds subscribes to this type and switches over the records.
 * Events are immutable values; {@link #at()} is when it happened on the publisher's clock.
 */
public sealed interface SwitchboardEvent {

    /** When the event happened. */
    Instant at();

    /**
     * A contact was bound to an address of record (RFC 3261 §10.3 step 8), published by the
     * registrar once the binding is durable; a refresh of a known binding is published too.
     *
     * @param aor the address of record, e.g. {@code sip:alice@example.com}
     * @param contact the bound contact URI
     * @param expiresSeconds the granted expiry
     */
    record Registered(Instant at, String aor, String contact, int expiresSeconds) implements SwitchboardEvent {
        public Registered {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(aor, "aor");
            Objects.requireNonNull(contact, "contact");
        }
    }

    /**
     * A contact binding ended: removed by the phone (Expires 0), or expired.
     *
     * @param expired whether it expired rather than was removed
     */
    record Unregistered(Instant at, String aor, String contact, boolean expired) implements SwitchboardEvent {
        public Unregistered {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(aor, "aor");
            Objects.requireNonNull(contact, "contact");
        }
    }

    /**
     * The events of one call, in the order the proxy publishes them; a listener for calls (call
     * records, an RTP relay freeing its ports) subscribes to this type.
     */
    sealed interface CallEvent extends SwitchboardEvent {
        /** The Call-ID of the call's INVITE. */
        String callId();
    }

    /**
     * The proxy forwards an initial INVITE (a call attempt begins).
     *
     * @param callerTag the From tag of the caller, to tell later who hung up
     * @param caller the From URI
     * @param callee the To URI
     */
    record CallStarted(Instant at, String callId, String callerTag, String caller, String callee)
            implements CallEvent {
        public CallStarted {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(callId, "callId");
        }
    }

    /** The first 2xx to the call's INVITE went to the caller. */
    record CallAnswered(Instant at, String callId) implements CallEvent {
        public CallAnswered {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(callId, "callId");
        }
    }

    /**
     * A call ended. For {@link EndReason#NOT_ANSWERED} the caller got the final failure response
     * {@code status} (487 when it cancelled); for {@link EndReason#HUNG_UP} a BYE passed in its
     * dialog, sent by the party whose tag is {@code byTag}. A BYE is published for every dialog the
     * proxy forwards it in; a listener that did not see the call start ignores it.
     */
    record CallEnded(Instant at, String callId, EndReason reason, int status, String byTag)
            implements CallEvent {
        public CallEnded {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a call ended. */
    enum EndReason {
        /** The caller got a final failure response (including 487 after its CANCEL). */
        NOT_ANSWERED,
        /** A BYE passed after the call was answered. */
        HUNG_UP
    }

    /**
     * The brute-force guard banned an address.
     *
     * @param until when the ban ends
     * @param reason why, for the admin
     */
    record BanAdded(Instant at, InetAddress address, Instant until, String reason) implements SwitchboardEvent {
        public BanAdded {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(address, "address");
        }
    }

    /** A ban ended: it expired, or an admin lifted it. */
    record BanLifted(Instant at, InetAddress address) implements SwitchboardEvent {
        public BanLifted {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * Settings of one group changed while the server runs.
     *
     * @param group the name of the settings group that changed
     */
    record SettingsChanged(Instant at, String group) implements SwitchboardEvent {
        public SettingsChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(group, "group");
        }
    }
}
