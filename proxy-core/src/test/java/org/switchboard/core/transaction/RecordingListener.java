package org.switchboard.core.transaction;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.InboundMessage;

/** A client transaction listener that records every call. */
final class RecordingListener implements ClientTransactionListener {
    final List<InboundMessage> responses = new ArrayList<>();
    final List<ClientTransaction> timeouts = new ArrayList<>();
    final List<Throwable> transportErrors = new ArrayList<>();
    final List<ClientTransaction> terminated = new ArrayList<>();

    @Override
    public void onResponse(ClientTransaction transaction, InboundMessage response) {
        responses.add(response);
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
        timeouts.add(transaction);
    }

    @Override
    public void onTransportError(ClientTransaction transaction, Throwable cause) {
        transportErrors.add(cause);
    }

    @Override
    public void onTerminated(ClientTransaction transaction) {
        terminated.add(transaction);
    }

    List<Integer> codes() {
        return responses.stream().map(r -> ((SipResponse) r.message()).statusCode()).toList();
    }
}
