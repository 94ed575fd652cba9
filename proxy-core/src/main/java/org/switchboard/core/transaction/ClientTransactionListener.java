package org.switchboard.core.transaction;

import org.switchboard.core.transport.InboundMessage;

/**
 * Receives what happens to one client transaction. Every method is called on the transaction's
 * shard and must not block. An exception thrown from a method is logged and otherwise ignored.
 */
public interface ClientTransactionListener {

    /**
     * A response for the transaction: every provisional, the first final non-2xx, and for INVITE
     * every 2xx (RFC 6026 §8.4). Retransmitted non-2xx finals are absorbed.
     */
    void onResponse(ClientTransaction transaction, InboundMessage response);

    /** Timer B or F fired before a final response (RFC 3261 §17.1.1.2, §17.1.2.2). */
    void onTimeout(ClientTransaction transaction);

    /**
     * The request could not be sent (RFC 3261 §17.1.4), or the transaction could not be started
     * because the client table was full or its branch was already in use.
     */
    void onTransportError(ClientTransaction transaction, Throwable cause);

    /** The transaction reached Terminated and was removed from its table. */
    void onTerminated(ClientTransaction transaction);
}
