package org.switchboard.core.transaction;

import org.switchboard.core.transport.InboundMessage;

/**
 * The layer above the transactions (RFC 3261 §17: the transaction user), told about new requests,
 * ACKs and responses that belong to no transaction, and the end of server transactions.
 *
 * <p>Every method is called on the shard of the message's Call-ID and must not block. An exception
 * thrown from a method is logged and otherwise ignored.
 */
public interface TransactionUser {

    /**
     * A new request (not ACK) arrived and {@code transaction} was created for it. Answer it through
     * {@link ServerTransaction#sendResponse}. Retransmissions of the request are not passed up.
     */
    void onRequest(ServerTransaction transaction, InboundMessage request);

    /**
     * An ACK that no transaction absorbs: the ACK for a 2xx (RFC 3261 §13.3.1.4, RFC 6026 §7.1),
     * whether or not the INVITE server transaction is still in its Accepted state. A proxy forwards it.
     */
    void onAck(InboundMessage ack);

    /** A response that matches no client transaction; a proxy forwards a stray 2xx (RFC 3261 §16.7). */
    void onStrayResponse(InboundMessage response);

    /** No ACK came for a final non-2xx response before Timer H fired (RFC 3261 §17.2.1). */
    void onServerTimeout(ServerTransaction transaction);

    /** A response of {@code transaction} could not be sent (RFC 3261 §17.2.4). */
    void onServerTransportError(ServerTransaction transaction, Throwable cause);

    /** {@code transaction} reached Terminated and was removed from its table. */
    void onServerTerminated(ServerTransaction transaction);
}
