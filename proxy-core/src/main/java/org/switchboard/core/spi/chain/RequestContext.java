package org.switchboard.core.spi.chain;

import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transaction.ServerTransaction;
import org.switchboard.core.transaction.Shard;
import org.switchboard.core.transport.Flow;

/**
 * One incoming request as the request chain sees it: the message (as processors have rewritten it
 * so far), the flow it arrived on, and a way to answer it through its server transaction (so
 * retransmissions are answered from the transaction). Used on the request's shard only.
 */
public interface RequestContext {

    /** The request as processed so far: the received one, or what a processor replaced it with. */
    SipRequest request();

    /** The request as it arrived, before any processor replaced it. */
    SipRequest receivedRequest();

    /**
     * Replaces the request the following processors see, e.g. with our Route entries removed (RFC
     * 3261 §16.4). The server transaction keeps the received request.
     */
    void updateRequest(SipRequest request);

    Flow flow();

    /** The server transaction of the request, or {@code null} for a context that has none (tests). */
    ServerTransaction transaction();

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

    /**
     * Who the request was authenticated as (the digest step sets it), or {@code null} if nobody;
     * the {@link org.switchboard.core.spi.route.Router} receives it.
     */
    default AddressOfRecord authenticatedCaller() {
        return null;
    }

    /**
     * Records who the request was authenticated as, for the steps after (routing). A context that
     * carries no caller (a test's) ignores it.
     */
    default void authenticated(AddressOfRecord caller) {
        // nothing to carry
    }

    /**
     * Whether a final response has gone out for this request (by a processor, or by a CANCEL that
     * ended it), after which an asynchronous decision ({@link ProcessorResult#async}) is dropped.
     */
    default boolean answered() {
        return false;
    }

    /**
     * The shard (the call's event loop) the request lives on, where asynchronous decisions resume;
     * {@code null} for a context without a transaction, where they resume on the completing thread.
     */
    default Shard shard() {
        ServerTransaction transaction = transaction();
        return transaction == null ? null : transaction.shard();
    }
}
