package org.switchboard.core.proxy;

import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.SipSender;

/**
 * Where a 2xx to a forwarded INVITE goes once the caller already has its final response (RFC 3261
 * §16.7 step 5, RFC 6026 §7.2): straight to the transport, without our Via, along the flow the INVITE
 * came on and routed by the next Via (§18.2.2), as the server transaction in Accepted would send it.
 *
 * <p>It is all that the {@link Branch}es of an answered INVITE keep of their {@link ProxyContext}
 * while their client transactions wait in Accepted for retransmitted 2xx (Timer M, 32 s), so that
 * the request, the targets and the response context are not kept that long with them.
 *
 * <p>Immutable; used on the call's shard.
 */
final class LateSuccessRoute {
    private final SipSender sender;
    private final RelayPoint relay;
    private final Flow flow;
    private final String callId;

    /**
     * @param flow the flow the INVITE came on
     * @param callId for the log, if sending fails
     */
    LateSuccessRoute(SipSender sender, RelayPoint relay, Flow flow, String callId) {
        this.sender = sender;
        this.relay = relay;
        this.flow = flow;
        this.callId = callId;
    }

    void forward(SipResponse response) {
        sender.sendResponse(relay.response(ProxyContext.withoutOurVia(response), flow), flow, SendFailureLog.of("2xx response", callId));
    }
}
