package org.switchboard.core.transaction;

import java.util.List;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.transport.Transport;
import org.switchboard.testkit.time.ManualClock;

/** A transaction layer on one manual shard, with a recording transport and user. */
final class LayerFixture {
    final ManualClock clock = new ManualClock();
    final ManualShard shard = new ManualShard(clock);
    final RecordingSender sender = new RecordingSender(clock);
    final RecordingUser user = new RecordingUser();
    final TransactionLayer layer;

    LayerFixture() {
        this(TransactionLimits.DEFAULTS);
    }

    LayerFixture(TransactionLimits limits) {
        layer = new TransactionLayer(List.of(shard), sender, TimerSettings.DEFAULTS, limits, user);
    }

    void receive(SipMessage message, Transport transport) {
        layer.onMessage(TestMessages.inbound(message, transport));
    }

    void receive(SipMessage message) {
        receive(message, Transport.UDP);
    }

    ClientTransaction send(SipRequest request, Transport transport, ClientTransactionListener listener) {
        return layer.sendRequest(request, TestMessages.destination(transport), listener);
    }

    /** The server transaction passed to the user for the n-th new request. */
    ServerTransaction serverTransaction(int n) {
        return user.requests.get(n);
    }

    TransactionCounters counters() {
        return layer.counters();
    }
}
