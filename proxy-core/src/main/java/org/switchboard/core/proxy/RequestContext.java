package org.switchboard.core.proxy;

import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.Flow;

/**
 * One incoming request as the request chain sees it: the message, the flow it arrived on, and a
 * way to answer it through its server transaction (so retransmissions are answered from the
 * transaction). Used on the request's shard only.
 */
public interface RequestContext {

    SipRequest request();

    Flow flow();

    /**
     * A response to the request with Via, From, To (with this transaction's To tag unless the
     * request already has one), Call-ID and CSeq filled in, for the caller to complete and send.
     */
    SipResponse.Builder responseBuilder(int statusCode, String reasonPhrase);

    /** Sends a response through the server transaction. */
    void respond(SipResponse response);

    /** Sends a response with no extra headers. */
    default void respond(int statusCode, String reasonPhrase) {
        respond(responseBuilder(statusCode, reasonPhrase).build());
    }
}
