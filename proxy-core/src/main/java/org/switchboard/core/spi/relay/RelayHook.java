package org.switchboard.core.spi.relay;

import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;

/**
 * Sees, and may rewrite, every message the proxy relays: each forwarded request (stateful and
 * stateless: the copies of a forked request, CANCELs to branches, ACKs for 2xx) right before it is
 * sent, and each response right before it goes upstream to the caller (provisionals, the final
 * response, later 2xx, 2xx without a transaction). An RTP relay rewrites the SDP here. Messages the
 * server makes itself (100 Trying, its own rejections and challenges) do not pass through it.
 *
 * <p>Threading: called on the call's shard, or for a stateless ACK on the thread that resolved its
 * next hop; must be fast and must not block. Implementations are thread-safe. A hook returns the
 * message unchanged or a rewritten copy ({@code toBuilder()}); it must not return {@code null}.
 */
public interface RelayHook {

    /**
     * A request about to be sent to {@code hop}, with our Via on top.
     *
     * @return the request to send
     */
    default SipRequest onRequest(SipRequest request, Destination hop) {
        return request;
    }

    /**
     * A response about to go upstream over {@code toward}, our Via already removed.
     *
     * @return the response to send
     */
    default SipResponse onResponse(SipResponse response, Flow toward) {
        return response;
    }
}
