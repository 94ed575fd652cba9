package org.switchboard.core.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.switchboard.core.transport.InboundMessage;

/** A transaction user that records every call and can answer new requests at once. */
final class RecordingUser implements TransactionUser {
    final List<ServerTransaction> requests = new ArrayList<>();
    final List<InboundMessage> acks = new ArrayList<>();
    final List<InboundMessage> strayResponses = new ArrayList<>();
    final List<ServerTransaction> timeouts = new ArrayList<>();
    final List<ServerTransaction> transportErrors = new ArrayList<>();
    final List<ServerTransaction> terminated = new ArrayList<>();
    final List<Boolean> calledInShard = new ArrayList<>();
    BiConsumer<ServerTransaction, InboundMessage> onRequestAction = (tx, in) -> { };

    @Override
    public void onRequest(ServerTransaction transaction, InboundMessage request) {
        requests.add(transaction);
        calledInShard.add(transaction.shard().inShard());
        onRequestAction.accept(transaction, request);
    }

    @Override
    public void onAck(InboundMessage ack) {
        acks.add(ack);
    }

    @Override
    public void onStrayResponse(InboundMessage response) {
        strayResponses.add(response);
    }

    @Override
    public void onServerTimeout(ServerTransaction transaction) {
        timeouts.add(transaction);
    }

    @Override
    public void onServerTransportError(ServerTransaction transaction, Throwable cause) {
        transportErrors.add(transaction);
    }

    @Override
    public void onServerTerminated(ServerTransaction transaction) {
        terminated.add(transaction);
    }
}
