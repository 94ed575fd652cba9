package org.switchboard.pnp.subscribe;

import org.switchboard.core.message.SipResponse;

/** What to do about one request that reached the plug-and-play listener. Immutable. */
public sealed interface PnpOutcome {

    /** Not a plug-and-play SUBSCRIBE: send nothing (a multicast group is never answered with errors). */
    record Ignored() implements PnpOutcome {
    }

    /** A repeat within the de-duplication window: send the 200 OK only. */
    record Repeated(PnpSubscription subscription, SipResponse ok) implements PnpOutcome {
    }

    /** A new subscription: send the 200 OK, then the NOTIFY. */
    record Answered(PnpSubscription subscription, PnpAnswer answer) implements PnpOutcome {
    }
}
