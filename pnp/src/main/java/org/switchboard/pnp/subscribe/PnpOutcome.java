package org.switchboard.pnp.subscribe;

/** What to do about one request that reached the plug-and-play listener. Immutable. */
public sealed interface PnpOutcome {

    /** Not a plug-and-play SUBSCRIBE: send nothing (a multicast group is never answered with errors). */
    record Ignored() implements PnpOutcome {
    }

    /**
     * An accepted subscription: send the 200 OK, then the NOTIFY (RFC 6665 §4.2.2: every accepted
     * SUBSCRIBE gets one at once, also a phone's second within the de-duplication window).
     *
     * @param recordPhone {@code true} for the phone's first SUBSCRIBE within the window: record it
     *     in the inventory before the NOTIFY goes; {@code false} for a later one, whose NOTIFY goes
     *     at once without that work
     */
    record Answered(PnpSubscription subscription, PnpAnswer answer, boolean recordPhone) implements PnpOutcome {
    }
}
