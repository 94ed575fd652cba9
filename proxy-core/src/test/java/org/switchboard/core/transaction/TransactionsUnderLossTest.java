package org.switchboard.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.InboundMessage;
import org.switchboard.core.transport.Transport;
import org.switchboard.testkit.time.ManualClock;

/**
 * Two transaction layers, a client's and a server's, on a {@link LossyNetwork} that loses 10 % of the
 * datagrams, duplicates 10 % and delays each copy by up to 200 ms (so they overtake each other): every
 * transaction must still end with its one final response at the client, every request must reach the
 * server's transaction user exactly once, every non-2xx final to an INVITE must be acknowledged, and
 * once the timers have run out nothing may be left in either layer. RFC 3261 §17 retransmissions
 * make up for the loss; the transactions absorb the copies.
 */
class TransactionsUnderLossTest {
    private static final int TRANSACTIONS = 600;
    /** Longer than any timer of a transaction (64*T1 and Timer D). */
    private static final long AFTER_EVERY_TIMER_MILLIS = 70_000;

    private final ManualClock clock = new ManualClock();
    private final Map<String, Integer> seenByServer = new HashMap<>();
    private final Map<String, List<Integer>> finalsAtClient = new HashMap<>();
    private final List<String> clientFailures = new ArrayList<>();
    private final List<String> serverTimeouts = new ArrayList<>();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyTransactionCompletesOnceDespiteLossDuplicationAndReordering(long seed) {
        LossyNetwork network = new LossyNetwork(clock, seed, 0.10, 0.10, 200);
        Random answers = new Random(seed);
        ManualShard serverShard = new ManualShard(clock);
        TransactionLayer[] server = new TransactionLayer[1];
        server[0] = new TransactionLayer(List.of(serverShard),
                network.attach(TestMessages.PEER, message -> server[0].onMessage(message)), TimerSettings.DEFAULTS,
                TransactionLimits.DEFAULTS, new AnsweringUser(serverShard, answers));
        ManualShard clientShard = new ManualShard(clock);
        TransactionLayer[] client = new TransactionLayer[1];
        client[0] = new TransactionLayer(List.of(clientShard),
                network.attach(TestMessages.LOCAL, message -> client[0].onMessage(message)), TimerSettings.DEFAULTS,
                TransactionLimits.DEFAULTS, new RecordingUser());

        for (int i = 0; i < TRANSACTIONS; i++) {
            String method = i % 3 == 0 ? SipMethod.OPTIONS : i % 3 == 1 ? SipMethod.INVITE : SipMethod.BYE;
            String callId = "call-" + i;
            SipRequest request = TestMessages.outgoing(method, "z9hG4bK-loss-" + i, callId);
            clientShard.execute(() -> client[0].sendRequest(request, Destination.of(Transport.UDP, TestMessages.PEER),
                    new FinalRecorder(callId)));
            clock.advance(5);
        }
        clock.advance(AFTER_EVERY_TIMER_MILLIS);

        assertThat(network.lost()).as("datagrams lost").isPositive();
        assertThat(network.duplicated()).as("datagrams duplicated").isPositive();
        assertThat(clientFailures).as("client transactions that timed out or failed").isEmpty();
        assertThat(finalsAtClient).hasSize(TRANSACTIONS);
        finalsAtClient.forEach((callId, finals) -> assertThat(finals).as("finals of " + callId)
                .containsExactly(expectedFinal(callId)));
        assertThat(seenByServer).hasSize(TRANSACTIONS);
        assertThat(seenByServer).as("requests the server's user was given more than once")
                .allSatisfy((callId, times) -> assertThat(times).isEqualTo(1));
        assertThat(serverTimeouts).as("non-2xx finals never acknowledged (Timer H)").isEmpty();
        assertThat(server[0].tableSize()).isZero();
        assertThat(client[0].tableSize()).isZero();
        assertThat(server[0].counters().completedKept()).isZero();
        assertThat(server[0].counters().rejectedByLimit() + client[0].counters().rejectedByLimit()).isZero();
        assertThat(server[0].counters().retransmissionsAbsorbed()).as("copies absorbed").isPositive();
    }

    private static int expectedFinal(String callId) {
        int i = Integer.parseInt(callId.substring("call-".length()));
        return i % 3 == 1 ? 486 : 200;
    }

    /**
     * The server's user: an INVITE rings at once and is declined with 486 up to a second later; other
     * requests are answered 200 up to a second later, so their retransmissions meet a transaction that
     * has not answered yet. It sends no 2xx and no requests, so every ACK belongs to a transaction and
     * no response comes stray; the tables are checked at the end, not as transactions end.
     */
    private final class AnsweringUser extends IgnoringTransactionUser {
        private final ManualShard shard;
        private final Random delays;

        AnsweringUser(ManualShard shard, Random delays) {
            this.shard = shard;
            this.delays = delays;
        }

        @Override
        public void onRequest(ServerTransaction transaction, InboundMessage inbound) {
            SipRequest request = transaction.request();
            seenByServer.merge(request.callId(), 1, Integer::sum);
            boolean invite = request.isMethod(SipMethod.INVITE);
            if (invite) {
                transaction.sendResponse(SipResponse.builderFor(request, 180, "Ringing").toTag("uas").build());
            }
            SipResponse answer = SipResponse.builderFor(request, invite ? 486 : 200, invite ? "Busy Here" : "OK")
                    .toTag("uas").build();
            shard.schedule(() -> transaction.sendResponse(answer), delays.nextInt(1000));
        }

        @Override
        public void onServerTimeout(ServerTransaction transaction) {
            serverTimeouts.add(transaction.callId());
        }

        @Override
        public void onServerTransportError(ServerTransaction transaction, Throwable cause) {
            serverTimeouts.add(transaction.callId() + ": " + cause);
        }
    }

    /** Records the final responses of one client transaction, and whether it failed. */
    private final class FinalRecorder implements ClientTransactionListener {
        private final String callId;

        FinalRecorder(String callId) {
            this.callId = callId;
        }

        @Override
        public void onResponse(ClientTransaction transaction, InboundMessage response) {
            int status = ((SipResponse) response.message()).statusCode();
            if (status >= 200) {
                finalsAtClient.computeIfAbsent(callId, c -> new ArrayList<>()).add(status);
            }
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
            clientFailures.add(callId + " timed out");
        }

        @Override
        public void onTransportError(ClientTransaction transaction, Throwable cause) {
            clientFailures.add(callId + ": " + cause);
        }

        @Override
        public void onTerminated(ClientTransaction transaction) {
            // the finals tell what happened
        }
    }
}
