package org.switchboard.core.transaction;

import org.switchboard.core.transport.InboundMessage;

/**
 * Test support: a transaction user that ignores ACKs, stray responses and the ends of server
 * transactions; a test overrides {@link #onRequest} and whatever else it watches.
 */
public abstract class IgnoringTransactionUser implements TransactionUser {

    @Override
    public void onAck(InboundMessage ack) {
    }

    @Override
    public void onStrayResponse(InboundMessage response) {
    }

    @Override
    public void onServerTimeout(ServerTransaction transaction) {
    }

    @Override
    public void onServerTransportError(ServerTransaction transaction, Throwable cause) {
    }

    @Override
    public void onServerTerminated(ServerTransaction transaction) {
    }
}
