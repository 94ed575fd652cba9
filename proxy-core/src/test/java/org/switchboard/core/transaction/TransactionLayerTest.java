package org.switchboard.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.core.transaction.TestMessages.invite;
import static org.switchboard.core.transaction.TestMessages.outgoing;
import static org.switchboard.core.transaction.TestMessages.request;
import static org.switchboard.core.transaction.TestMessages.response;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.Transport;
import org.switchboard.testkit.time.ManualClock;

class TransactionLayerTest {
    private final LayerFixture f = new LayerFixture();

    @Test
    void ackForSuccessWithItsOwnBranchIsPassedUp() {
        f.receive(invite("z9hG4bKinv1"));
        f.serverTransaction(0).sendResponse(response(f.serverTransaction(0).request(), 200));

        f.receive(request("ACK", "z9hG4bKack2", "call-1@example.com", 1, "bob1"));

        assertThat(f.user.acks).hasSize(1);
        assertThat(f.user.requests).hasSize(1);
    }

    @Test
    void ackMatchingNoTransactionIsPassedUp() {
        f.receive(request("ACK", "z9hG4bKlone", "call-9@example.com", 1, "bob1"));

        assertThat(f.user.acks).hasSize(1);
        assertThat(f.layer.tableSize()).isZero();
    }

    @Test
    void cancelGetsItsOwnTransactionAndFindsItsInvite() {
        f.receive(invite("z9hG4bKinv1"));
        List<InviteServerTransaction> found = new ArrayList<>();
        f.user.onRequestAction = (tx, in) -> found.add(f.layer.findInviteServerTransaction(tx.request()));

        f.receive(request("CANCEL", "z9hG4bKinv1", "call-1@example.com", 1));

        assertThat(f.user.requests).hasSize(2);
        assertThat(f.serverTransaction(1)).isInstanceOf(NonInviteServerTransaction.class);
        assertThat(found).containsExactly((InviteServerTransaction) f.serverTransaction(0));
    }

    @Test
    void cancelWithAnotherBranchFindsNoInvite() {
        f.receive(invite("z9hG4bKinv1"));
        List<InviteServerTransaction> found = new ArrayList<>();
        f.user.onRequestAction = (tx, in) -> found.add(f.layer.findInviteServerTransaction(tx.request()));

        f.receive(request("CANCEL", "z9hG4bKother", "call-1@example.com", 1));

        assertThat(found).containsExactly((InviteServerTransaction) null);
    }

    @Test
    void findInviteServerTransactionOffTheShardIsRefused() {
        SipRequest cancel = request("CANCEL", "z9hG4bKinv1", "call-1@example.com", 1);

        assertThatThrownBy(() -> f.layer.findInviteServerTransaction(cancel)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sameBranchFromAnotherSentByIsANewTransaction() {
        f.receive(invite("z9hG4bKinv1"));
        String other = invite("z9hG4bKinv1").toString().replace("192.0.2.20:5060;branch", "192.0.2.99:5060;branch");

        f.receive(TestMessages.parse(other.replace("\r\n", "\n")));

        assertThat(f.user.requests).hasSize(2);
    }

    @Test
    void rfc2543RequestsMatchWithoutMagicCookie() {
        SipRequest oldInvite = request("INVITE", "1234", "call-5@example.com", 7);
        f.receive(oldInvite);
        ServerTransaction tx = f.serverTransaction(0);
        tx.sendResponse(response(oldInvite, 486));

        f.receive(request("INVITE", "1234", "call-5@example.com", 7));
        f.receive(request("ACK", "1234", "call-5@example.com", 7, "bob1"));

        assertThat(f.user.requests).hasSize(1);
        assertThat(f.sender.responseCodes()).containsExactly(486, 486);
        assertThat(f.user.acks).isEmpty();
        assertThat(((InviteServerTransaction) tx).state()).isEqualTo(InviteServerTransaction.State.CONFIRMED);
    }

    @Test
    void rfc2543RequestsWithoutBranchDifferingInCSeqAreSeparateTransactions() {
        f.receive(request("OPTIONS", null, "call-6@example.com", 1));
        f.receive(request("OPTIONS", null, "call-6@example.com", 1));
        f.receive(request("OPTIONS", null, "call-6@example.com", 2));

        assertThat(f.user.requests).hasSize(2);
        assertThat(f.counters().retransmissionsAbsorbed()).isEqualTo(1);
    }

    @Test
    void rfc2543AckWithAnotherToTagIsPassedUp() {
        SipRequest oldInvite = request("INVITE", null, "call-7@example.com", 1);
        f.receive(oldInvite);
        f.serverTransaction(0).sendResponse(response(oldInvite, 486));

        f.receive(request("ACK", null, "call-7@example.com", 1, "someoneelse"));

        assertThat(f.user.acks).hasSize(1);
    }

    @Test
    void fullServerTableAnswers503StatelesslyWithRetryAfter() {
        LayerFixture small = new LayerFixture(new TransactionLimits(1, 30));
        small.receive(invite("z9hG4bKinv1"));

        SipRequest second = request("OPTIONS", "z9hG4bKopt", "call-8@example.com", 1);
        small.receive(second);
        small.receive(second);

        assertThat(small.user.requests).hasSize(1);
        assertThat(small.sender.responseCodes()).containsExactly(503, 503);
        SipResponse busy = small.sender.lastResponse();
        assertThat(busy.header(HeaderName.RETRY_AFTER)).isEqualTo("30");
        assertThat(busy.to().tag()).isNotNull().isEqualTo(small.sender.responses.get(0).response().to().tag());
        assertThat(small.counters().rejectedByLimit()).isEqualTo(2);
        assertThat(small.layer.tableSize()).isEqualTo(1);
    }

    @Test
    void fullServerTableStillPassesAcksUp() {
        LayerFixture small = new LayerFixture(new TransactionLimits(1, 5));
        small.receive(invite("z9hG4bKinv1"));

        small.receive(request("ACK", "z9hG4bKack9", "call-9@example.com", 1, "bob1"));

        assertThat(small.user.acks).hasSize(1);
        assertThat(small.sender.responses).isEmpty();
    }

    @Test
    void tablesDrainToZeroOnceEveryTransactionTerminates() {
        for (int i = 0; i < 20; i++) {
            f.receive(request("INVITE", "z9hG4bKi" + i, "c" + i, 1));
            f.receive(request("BYE", "z9hG4bKb" + i, "c" + i, 2));
            f.send(outgoing("INVITE", "z9hG4bKo" + i, "c" + i), Transport.UDP, new RecordingListener());
            f.send(outgoing("OPTIONS", "z9hG4bKp" + i, "c" + i), Transport.UDP, new RecordingListener());
        }
        for (int i = 0; i < 20; i++) {
            ServerTransaction tx = f.serverTransaction(2 * i);
            tx.sendResponse(response(tx.request(), i % 2 == 0 ? 200 : 480));
            ServerTransaction bye = f.serverTransaction(2 * i + 1);
            bye.sendResponse(response(bye.request(), 200));
        }
        // the BYEs' 200s are kept off the table until Timer J
        assertThat(f.layer.tableSize()).isEqualTo(60);
        assertThat(f.counters().activeTotal()).isEqualTo(60);
        assertThat(f.counters().completedKept()).isEqualTo(20);
        for (TransactionKind kind : TransactionKind.values()) {
            assertThat(f.counters().created(kind)).isEqualTo(20);
        }

        f.clock.advance(64_000);

        assertThat(f.layer.tableSize()).isZero();
        assertThat(f.counters().activeTotal()).isZero();
        assertThat(f.clock.pendingTimers()).isZero();
        f.receive(request("OPTIONS", "z9hG4bKlater", "later", 1)); // the store frees what has expired as it is used
        assertThat(f.counters().completedKept()).isZero();
    }

    @Test
    void afterAPeakHasDrainedAndTheTablesShrankRetransmissionsStillMatch() {
        int peak = 4 * PeakCapacity.SMALL;
        for (int i = 0; i < peak; i++) {
            f.receive(request("INVITE", "z9hG4bKi" + i, "c" + i, 1));
            f.send(outgoing("OPTIONS", "z9hG4bKp" + i, "c" + i), Transport.UDP, new RecordingListener());
        }
        for (int i = 0; i < peak; i++) {
            ServerTransaction tx = f.serverTransaction(i);
            tx.sendResponse(response(tx.request(), 486));
        }
        f.clock.advance(64_000);
        assertThat(f.layer.tableSize()).isZero();

        f.receive(request("INVITE", "z9hG4bKnew", "new", 1));
        f.receive(request("INVITE", "z9hG4bKnew", "new", 1));
        RecordingListener listener = new RecordingListener();
        f.send(outgoing("OPTIONS", "z9hG4bKnewout", "new"), Transport.UDP, listener);
        f.receive(response(outgoing("OPTIONS", "z9hG4bKnewout", "new"), 200));

        assertThat(f.user.requests).hasSize(peak + 1);
        assertThat(listener.responses).hasSize(1);
        // the new INVITE in Proceeding, the OPTIONS in Completed for Timer K
        assertThat(f.layer.tableSize()).isEqualTo(2);
    }

    @Test
    void messagesGoToTheShardOfTheirCallId() {
        ManualClock clock = new ManualClock();
        List<ManualShard> shards = List.of(new ManualShard(clock), new ManualShard(clock), new ManualShard(clock));
        RecordingUser user = new RecordingUser();
        TransactionLayer layer = new TransactionLayer(shards, new RecordingSender(clock), TimerSettings.DEFAULTS,
                TransactionLimits.DEFAULTS, user);

        for (int i = 0; i < 10; i++) {
            layer.onMessage(TestMessages.inbound(request("OPTIONS", "z9hG4bK" + i, "id-" + i, 1), Transport.UDP));
        }

        assertThat(user.calledInShard).hasSize(10).containsOnly(true);
        for (ServerTransaction tx : user.requests) {
            assertThat(tx.shard()).isSameAs(layer.shardFor(tx.request().callId()));
        }
        assertThat(user.requests.stream().map(ServerTransaction::shard).distinct()).hasSizeGreaterThan(1);
    }

    @Test
    void failingUserDoesNotBreakTheTransaction() {
        f.user.onRequestAction = (tx, in) -> {
            throw new IllegalStateException("bug in the layer above");
        };
        SipRequest options = request("OPTIONS", "z9hG4bKopt", "call-10@example.com", 1);

        f.receive(options);
        f.receive(options);

        assertThat(f.user.requests).hasSize(1);
        assertThat(f.counters().retransmissionsAbsorbed()).isEqualTo(1);
    }

    @Test
    void malformedHeaderIsDroppedWithoutHarm() {
        SipResponse badVia = (SipResponse) TestMessages.parse("SIP/2.0 200 OK\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKx\n"
                + "From: <sip:alice@example.com>;tag=a\n"
                + "To: <sip:bob@example.com>;tag=b\n"
                + "Call-ID: call-11\n"
                + "CSeq: 1 INVITE\n"
                + "Content-Length: 0\n\n");
        String broken = badVia.toString().replace("CSeq: 1 INVITE", "CSeq: x INVITE");
        byte[] bytes = broken.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        f.receive(org.switchboard.core.message.SipParser.parse(bytes, 0, bytes.length, true).message());

        assertThat(f.user.strayResponses).isEmpty();
        f.receive(request("OPTIONS", "z9hG4bKok", "call-11", 1));
        assertThat(f.user.requests).hasSize(1);
    }

    @Test
    void sendRequestRejectsAckAndRequestsWithoutRfc3261Branch() {
        RecordingListener listener = new RecordingListener();

        assertThatThrownBy(() -> f.send(outgoing("ACK", "z9hG4bKa", "c"), Transport.UDP, listener))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.send(outgoing("INVITE", "1234", "c"), Transport.UDP, listener))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(f.sender.requests).isEmpty();
    }
}
