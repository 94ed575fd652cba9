package org.switchboard.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.core.transaction.TestMessages.outgoing;
import static org.switchboard.core.transaction.TestMessages.response;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.HeaderField;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.transport.Transport;

class InviteClientTransactionTest {
    private static final String BRANCH = "z9hG4bKcli1";
    private static final String CALL_ID = "call-3@example.com";

    private final LayerFixture f = new LayerFixture();
    private final RecordingListener listener = new RecordingListener();
    private final SipRequest invite = outgoing("INVITE", BRANCH, CALL_ID);

    private InviteClientTransaction sendInvite(Transport transport) {
        return (InviteClientTransaction) f.send(invite, transport, listener);
    }

    private void answer(int code) {
        f.receive(response(code, BRANCH, CALL_ID, 1, "INVITE"));
    }

    @Test
    void retransmitsInviteWithDoublingIntervalUntilTimerB() {
        InviteClientTransaction tx = sendInvite(Transport.UDP);

        f.clock.advance(31_999);
        assertThat(listener.timeouts).isEmpty();
        f.clock.advance(1);

        assertThat(f.sender.requestTimes()).containsExactly(0L, 500L, 1_500L, 3_500L, 7_500L, 15_500L, 31_500L);
        assertThat(listener.timeouts).containsExactly(tx);
        assertThat(listener.terminated).containsExactly(tx);
        assertThat(tx.state()).isEqualTo(InviteClientTransaction.State.TERMINATED);
        assertThat(f.counters().timeouts()).isEqualTo(1);
        assertThat(f.layer.tableSize()).isZero();
        assertThat(f.clock.pendingTimers()).isZero();
    }

    @Test
    void reliableTransportSkipsTimerAButKeepsTimerB() {
        InviteClientTransaction tx = sendInvite(Transport.TCP);

        f.clock.advance(32_000);

        assertThat(f.sender.requestTimes()).containsExactly(0L);
        assertThat(listener.timeouts).containsExactly(tx);
    }

    @Test
    void provisionalStopsRetransmissionsAndTimerB() {
        InviteClientTransaction tx = sendInvite(Transport.UDP);
        f.clock.advance(600);

        answer(180);
        f.clock.advance(100_000);

        assertThat(tx.state()).isEqualTo(InviteClientTransaction.State.PROCEEDING);
        assertThat(f.sender.requestTimes()).containsExactly(0L, 500L);
        assertThat(listener.codes()).containsExactly(180);
        assertThat(listener.timeouts).isEmpty();
    }

    @Test
    void nonSuccessFinalIsAckedAndEachRetransmissionReAckedUntilTimerD() {
        InviteClientTransaction tx = sendInvite(Transport.UDP);
        answer(100);

        answer(486);

        assertThat(tx.state()).isEqualTo(InviteClientTransaction.State.COMPLETED);
        assertThat(f.sender.requestMethods()).containsExactly("INVITE", "ACK");
        SipRequest ack = f.sender.lastRequest();
        assertThat(ack.requestUri()).isEqualTo(invite.requestUri());
        assertThat(ack.callId()).isEqualTo(CALL_ID);
        assertThat(ack.from().tag()).isEqualTo("alice1");
        assertThat(ack.to().tag()).isEqualTo("bob1");
        assertThat(ack.cseq().number()).isEqualTo(1);
        assertThat(ack.cseq().method()).isEqualTo("ACK");
        assertThat(ack.vias()).hasSize(1);
        assertThat(ack.topVia().branch()).isEqualTo(BRANCH);
        assertThat(ack.headers().values(HeaderName.ROUTE)).containsExactly("<sip:edge.example.com;lr>");
        assertThat(ack.maxForwards()).isEqualTo(69);
        assertThat(ack.validate()).isNull();

        answer(486);
        assertThat(f.sender.requestMethods()).containsExactly("INVITE", "ACK", "ACK");
        assertThat(listener.codes()).containsExactly(100, 486);
        assertThat(f.counters().retransmissionsAbsorbed()).isEqualTo(1);

        f.clock.advance(31_999);
        assertThat(tx.state()).isEqualTo(InviteClientTransaction.State.COMPLETED);
        f.clock.advance(1);
        assertThat(tx.state()).isEqualTo(InviteClientTransaction.State.TERMINATED);
        assertThat(f.layer.tableSize()).isZero();
    }

    @Test
    void reliableTransportEndsOnNonSuccessFinalWithTimerDZero() {
        InviteClientTransaction tx = sendInvite(Transport.TCP);

        answer(603);

        assertThat(f.sender.requestMethods()).containsExactly("INVITE", "ACK");
        assertThat(listener.codes()).containsExactly(603);
        assertThat(tx.state()).isEqualTo(InviteClientTransaction.State.TERMINATED);
        assertThat(listener.terminated).containsExactly(tx);
        assertThat(f.layer.tableSize()).isZero();
    }

    @Test
    void completedAndAcceptedReleaseTheInviteButKeepMethodAndCallId() {
        InviteClientTransaction failed = sendInvite(Transport.UDP);
        answer(486);
        InviteClientTransaction answered = (InviteClientTransaction) f.send(
                outgoing("INVITE", "z9hG4bKcli2", CALL_ID), Transport.UDP, listener);
        f.receive(response(200, "z9hG4bKcli2", CALL_ID, 1, "INVITE"));

        for (InviteClientTransaction tx : List.of(failed, answered)) {
            assertThatThrownBy(tx::request).isInstanceOf(IllegalStateException.class);
            assertThat(tx.method()).isEqualTo("INVITE");
            assertThat(tx.callId()).isEqualTo(CALL_ID);
        }
        answer(486);
        assertThat(f.sender.requestMethods()).containsExactly("INVITE", "ACK", "INVITE", "ACK");
    }

    @Test
    void successMovesToAcceptedAndPassesEverySuccessUpUntilTimerM() {
        InviteClientTransaction tx = sendInvite(Transport.UDP);

        answer(200);
        answer(200);
        answer(180);

        assertThat(tx.state()).isEqualTo(InviteClientTransaction.State.ACCEPTED);
        assertThat(listener.codes()).containsExactly(200, 200);
        assertThat(f.sender.requestMethods()).containsExactly("INVITE");
        f.clock.advance(31_999);
        assertThat(tx.state()).isEqualTo(InviteClientTransaction.State.ACCEPTED);
        f.clock.advance(1);
        assertThat(tx.state()).isEqualTo(InviteClientTransaction.State.TERMINATED);
        assertThat(listener.timeouts).isEmpty();
        assertThat(f.sender.requestMethods()).containsExactly("INVITE");
    }

    @Test
    void cancelBeforeAnyProvisionalIsHeldUntilTheFirstProvisional() {
        InviteClientTransaction tx = sendInvite(Transport.UDP);
        RecordingListener cancelListener = new RecordingListener();

        tx.cancel(List.of(HeaderField.of(HeaderName.REASON, "SIP;cause=200;text=\"Call completed elsewhere\"")),
                cancelListener);
        assertThat(f.sender.requestMethods()).containsExactly("INVITE");

        answer(180);

        assertThat(f.sender.requestMethods()).containsExactly("INVITE", "CANCEL");
        SipRequest cancel = f.sender.lastRequest();
        assertThat(cancel.requestUri()).isEqualTo(invite.requestUri());
        assertThat(cancel.callId()).isEqualTo(CALL_ID);
        assertThat(cancel.to().tag()).isNull();
        assertThat(cancel.from().tag()).isEqualTo("alice1");
        assertThat(cancel.cseq().toString()).isEqualTo("1 CANCEL");
        assertThat(cancel.vias()).hasSize(1);
        assertThat(cancel.topVia().branch()).isEqualTo(BRANCH);
        assertThat(cancel.headers().values(HeaderName.ROUTE)).containsExactly("<sip:edge.example.com;lr>");
        assertThat(cancel.header(HeaderName.REASON)).isEqualTo("SIP;cause=200;text=\"Call completed elsewhere\"");
        assertThat(cancel.validate()).isNull();
        assertThat(f.sender.requests.get(1).destination()).isEqualTo(f.sender.requests.get(0).destination());
        assertThat(f.counters().active(TransactionKind.NON_INVITE_CLIENT)).isEqualTo(1);

        f.receive(response(200, BRANCH, CALL_ID, 1, "CANCEL"));
        answer(487);

        assertThat(cancelListener.codes()).containsExactly(200);
        assertThat(listener.codes()).containsExactly(180, 487);
    }

    @Test
    void cancelInProceedingIsSentAtOnceAndOnlyOnce() {
        InviteClientTransaction tx = sendInvite(Transport.UDP);
        answer(183);
        RecordingListener cancelListener = new RecordingListener();

        tx.cancel(List.of(), cancelListener);
        tx.cancel(List.of(), cancelListener);

        assertThat(f.sender.requestMethods()).containsExactly("INVITE", "CANCEL");
    }

    @Test
    void cancelledInviteWithoutFinalResponseEndsAfter64T1() {
        InviteClientTransaction tx = sendInvite(Transport.UDP);
        answer(180);
        tx.cancel(List.of(), new RecordingListener());

        f.clock.advance(31_999);
        assertThat(tx.isTerminated()).isFalse();
        f.clock.advance(1);

        assertThat(tx.isTerminated()).isTrue();
        assertThat(listener.terminated).containsExactly(tx);
    }

    @Test
    void provisionalsAfterTheCancelDoNotStopIts64T1Wait() {
        InviteClientTransaction tx = sendInvite(Transport.UDP);
        answer(180);
        tx.cancel(List.of(), new RecordingListener());
        f.clock.advance(10_000);
        answer(180);
        answer(183);

        f.clock.advance(21_999);
        assertThat(tx.isTerminated()).isFalse();
        f.clock.advance(1);

        assertThat(tx.isTerminated()).as("a UAS that keeps ringing after the CANCEL does not keep the INVITE")
                .isTrue();
        assertThat(f.layer.tableSize()).as("the INVITE's and the CANCEL's transactions").isZero();
    }

    @Test
    void finalResponseAfterCancelKeepsTheUsualEnd() {
        InviteClientTransaction tx = sendInvite(Transport.UDP);
        answer(180);
        tx.cancel(List.of(), new RecordingListener());
        answer(487);

        f.clock.advance(31_999);
        assertThat(tx.state()).isEqualTo(InviteClientTransaction.State.COMPLETED);
        f.clock.advance(1);
        assertThat(tx.isTerminated()).isTrue();
    }

    @Test
    void heldCancelIsDroppedWhenAFinalArrivesFirst() {
        InviteClientTransaction tx = sendInvite(Transport.UDP);
        tx.cancel(List.of(), new RecordingListener());

        answer(486);
        answer(180);

        assertThat(f.sender.requestMethods()).containsExactly("INVITE", "ACK");
    }

    @Test
    void cancelAfterSuccessSendsNothing() {
        InviteClientTransaction tx = sendInvite(Transport.UDP);
        answer(200);

        tx.cancel(List.of(), new RecordingListener());

        assertThat(f.sender.requestMethods()).containsExactly("INVITE");
    }

    @Test
    void transportErrorTerminatesAndTellsTheListener() {
        f.sender.failing = true;

        InviteClientTransaction tx = sendInvite(Transport.TCP);

        assertThat(tx.state()).isEqualTo(InviteClientTransaction.State.TERMINATED);
        assertThat(listener.transportErrors).hasSize(1);
        assertThat(listener.terminated).containsExactly(tx);
        assertThat(f.layer.tableSize()).isZero();
        assertThat(f.clock.pendingTimers()).isZero();
    }

    @Test
    void fullClientTableRefusesTheTransaction() {
        LayerFixture small = new LayerFixture(new TransactionLimits(1, 5));
        small.send(outgoing("INVITE", "z9hG4bKa", CALL_ID), Transport.UDP, new RecordingListener());

        ClientTransaction refused = small.send(outgoing("INVITE", "z9hG4bKb", CALL_ID), Transport.UDP, listener);

        assertThat(refused.isTerminated()).isTrue();
        assertThat(listener.transportErrors).singleElement()
                .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
        assertThat(listener.terminated).containsExactly(refused);
        assertThat(small.sender.requests).hasSize(1);
        assertThat(small.counters().rejectedByLimit()).isEqualTo(1);
    }

    @Test
    void reusedBranchIsRefused() {
        sendInvite(Transport.UDP);
        RecordingListener second = new RecordingListener();

        f.send(invite, Transport.UDP, second);

        assertThat(second.transportErrors).singleElement().isInstanceOf(IllegalStateException.class);
        assertThat(f.layer.tableSize()).isEqualTo(1);
    }

    @Test
    void responseWithTheBranchButAnotherMethodIsStray() {
        sendInvite(Transport.UDP);

        SipMessage byeResponse = response(200, BRANCH, CALL_ID, 1, "BYE");
        f.receive(byeResponse);
        f.receive(response(200, "z9hG4bKother", CALL_ID, 1, "INVITE"));

        assertThat(listener.responses).isEmpty();
        assertThat(f.user.strayResponses).hasSize(2);
    }
}
