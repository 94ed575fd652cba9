package org.switchboard.pnp.subscribe;

import java.util.Objects;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;

/**
 * The notifier's side of one plug-and-play exchange. Immutable.
 *
 * @param ok the 200 OK, to send through the SUBSCRIBE's server transaction (it goes back per the
 *     top Via, with {@code rport} honoured per RFC 3581 §4)
 * @param notifyRequest the NOTIFY, to send through a new non-INVITE client transaction to its
 *     Request-URI (the phone's Contact), retransmitted until the phone's final response
 */
public record PnpAnswer(SipResponse ok, SipRequest notifyRequest) {

    public PnpAnswer {
        Objects.requireNonNull(ok, "ok");
        Objects.requireNonNull(notifyRequest, "notifyRequest");
    }
}
