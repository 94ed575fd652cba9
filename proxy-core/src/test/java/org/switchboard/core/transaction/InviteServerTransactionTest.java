package org.switchboard.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.core.transaction.TestMessages.invite;
import static org.switchboard.core.transaction.TestMessages.request;
import static org.switchboard.core.transaction.TestMessages.response;

import org.junit.jupiter.api.Test;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.transport.Transport;

class InviteServerTransactionTest {
    private final LayerFixture f = new LayerFixture();
    private final SipRequest invite = invite("z9hG4bKinv1");

    private InviteServerTransaction receiveInvite(Transport transport) {
        f.receive(invite, transport);
        return (InviteServerTransaction) f.serverTransaction(0);
    }

    private SipRequest ack() {
        return request("ACK", "z9hG4bKinv1", "call-1@example.com", 1, "bob1");
    }

    @Test
    void sendsTryingAfter200msWhenUserHasSentNothing() {
        receiveInvite(Transport.UDP);

        f.clock.advance(199);
        assertThat(f.sender.responses).isEmpty();
        f.clock.advance(1);

        assertThat(f.sender.responseCodes()).containsExactly(100);
        assertThat(f.sender.lastResponse().to().tag()).isNull();
    }

    @Test
    void sendsNoTryingWhenUserSendsProvisionalWithin200ms() {
        InviteServerTransaction tx = receiveInvite(Transport.UDP);
        f.clock.advance(150);
        tx.sendResponse(response(invite, 180));

        f.clock.advance(10_000);

        assertThat(f.sender.responseCodes()).containsExactly(180);
        assertThat(tx.state()).isEqualTo(InviteServerTransaction.State.PROCEEDING);
    }

    @Test
    void retransmittedInviteIsAbsorbedAndAnsweredWithLastProvisional() {
        InviteServerTransaction tx = receiveInvite(Transport.UDP);
        tx.sendResponse(response(invite, 180));

        f.receive(invite);

        assertThat(f.user.requests).hasSize(1);
        assertThat(f.sender.responseCodes()).containsExactly(180, 180);
        assertThat(f.counters().retransmissionsAbsorbed()).isEqualTo(1);
    }

    @Test
    void retransmitsFinalWithTimerGDoublingCappedAtT2UntilTimerH() {
        InviteServerTransaction tx = receiveInvite(Transport.UDP);
        tx.sendResponse(response(invite, 486));
        assertThat(tx.state()).isEqualTo(InviteServerTransaction.State.COMPLETED);

        f.clock.advance(40_000);

        assertThat(f.sender.responseTimes()).containsExactly(
                0L, 500L, 1_500L, 3_500L, 7_500L, 11_500L, 15_500L, 19_500L, 23_500L, 27_500L, 31_500L);
        assertThat(f.user.timeouts).containsExactly(tx);
        assertThat(f.user.terminated).containsExactly(tx);
        assertThat(tx.state()).isEqualTo(InviteServerTransaction.State.TERMINATED);
        assertThat(f.counters().timeouts()).isEqualTo(1);
        assertThat(f.layer.tableSize()).isZero();
        assertThat(f.clock.pendingTimers()).isZero();
    }

    @Test
    void retransmittedInviteInCompletedGetsTheFinalAgain() {
        InviteServerTransaction tx = receiveInvite(Transport.UDP);
        tx.sendResponse(response(invite, 486));

        f.receive(invite);

        assertThat(f.sender.responseCodes()).containsExactly(486, 486);
        assertThat(f.user.requests).hasSize(1);
    }

    @Test
    void ackForNonSuccessIsAbsorbedStopsTimerGAndTimerIEndsTheTransaction() {
        InviteServerTransaction tx = receiveInvite(Transport.UDP);
        tx.sendResponse(response(invite, 486));
        f.clock.advance(600);

        f.receive(ack());

        assertThat(tx.state()).isEqualTo(InviteServerTransaction.State.CONFIRMED);
        assertThat(f.user.acks).isEmpty();
        f.clock.advance(4_999);
        assertThat(tx.state()).isEqualTo(InviteServerTransaction.State.CONFIRMED);
        f.clock.advance(1);
        assertThat(tx.state()).isEqualTo(InviteServerTransaction.State.TERMINATED);
        assertThat(f.sender.responseTimes()).containsExactly(0L, 500L);
        assertThat(f.user.timeouts).isEmpty();
        assertThat(f.layer.tableSize()).isZero();
    }

    @Test
    void completedTransactionReleasesTheRequestAndRetransmitsTheSameBytes() {
        InviteServerTransaction tx = receiveInvite(Transport.UDP);
        tx.sendResponse(response(invite, 486));

        f.clock.advance(500);
        f.receive(invite);

        assertThatThrownBy(tx::request).isInstanceOf(IllegalStateException.class);
        assertThat(tx.method()).isEqualTo("INVITE");
        assertThat(tx.callId()).isEqualTo("call-1@example.com");
        assertThat(f.sender.responseCodes()).containsExactly(486, 486, 486);
        assertThat(f.sender.responsesEncoded).isEqualTo(1);
        byte[] first = f.sender.responses.get(0).encoded().bytes();
        assertThat(f.sender.responses).allSatisfy(sent -> assertThat(sent.encoded().bytes()).isSameAs(first));
    }

    @Test
    void ackWithoutBranchIsStillMatchedAfterRelease() {
        SipRequest oldInvite = request("INVITE", null, "call-9@example.com", 3);
        f.receive(oldInvite);
        InviteServerTransaction tx = (InviteServerTransaction) f.serverTransaction(0);
        tx.sendResponse(response(oldInvite, 404));
        assertThatThrownBy(tx::request).isInstanceOf(IllegalStateException.class);

        f.receive(request("ACK", null, "call-9@example.com", 3, "bob1"));
        f.receive(request("ACK", null, "call-9@example.com", 3, "bob1"));

        assertThat(tx.state()).isEqualTo(InviteServerTransaction.State.CONFIRMED);
        assertThat(f.user.acks).isEmpty();
        assertThat(f.counters().retransmissionsAbsorbed()).isEqualTo(1);
    }

    @Test
    void retransmittedInviteInConfirmedIsAbsorbedWithoutAnswer() {
        InviteServerTransaction tx = receiveInvite(Transport.UDP);
        tx.sendResponse(response(invite, 486));
        f.receive(ack());

        f.receive(invite);

        assertThat(tx.state()).isEqualTo(InviteServerTransaction.State.CONFIRMED);
        assertThat(f.sender.responseCodes()).containsExactly(486);
        assertThat(f.user.requests).hasSize(1);
    }

    @Test
    void acceptedTransactionReleasesTheRequestAndStillSendsTheUsersSuccessResponses() {
        InviteServerTransaction tx = receiveInvite(Transport.UDP);
        tx.sendResponse(response(invite, 200));

        tx.sendResponse(response(invite, 200));

        assertThatThrownBy(tx::request).isInstanceOf(IllegalStateException.class);
        assertThat(f.sender.responseCodes()).containsExactly(200, 200);
        assertThat(f.sender.lastResponse().callId()).isEqualTo("call-1@example.com");
    }

    @Test
    void ackRetransmissionInConfirmedIsAbsorbed() {
        InviteServerTransaction tx = receiveInvite(Transport.UDP);
        tx.sendResponse(response(invite, 486));
        f.receive(ack());

        f.receive(ack());

        assertThat(f.user.acks).isEmpty();
        assertThat(f.counters().retransmissionsAbsorbed()).isEqualTo(1);
    }

    @Test
    void reliableTransportSkipsTimerGAndEndsOnAck() {
        InviteServerTransaction tx = receiveInvite(Transport.TCP);
        tx.sendResponse(response(invite, 486));
        f.clock.advance(10_000);
        assertThat(f.sender.responseCodes()).containsExactly(486);

        f.receive(ack(), Transport.TCP);

        assertThat(tx.state()).isEqualTo(InviteServerTransaction.State.TERMINATED);
        assertThat(f.layer.tableSize()).isZero();
    }

    @Test
    void timerHFiresOnReliableTransportToo() {
        InviteServerTransaction tx = receiveInvite(Transport.TCP);
        tx.sendResponse(response(invite, 600));

        f.clock.advance(31_999);
        assertThat(f.user.timeouts).isEmpty();
        f.clock.advance(1);

        assertThat(f.user.timeouts).containsExactly(tx);
        assertThat(f.sender.responseCodes()).containsExactly(600);
    }

    @Test
    void acceptedStatePassesUserSuccessRetransmissionsAndAcksUntilTimerL() {
        InviteServerTransaction tx = receiveInvite(Transport.UDP);
        tx.sendResponse(response(invite, 200));
        assertThat(tx.state()).isEqualTo(InviteServerTransaction.State.ACCEPTED);

        f.clock.advance(500);
        assertThat(f.sender.responseCodes()).containsExactly(200);
        tx.sendResponse(response(invite, 200));
        f.receive(invite);
        f.receive(ack());

        assertThat(f.sender.responseCodes()).containsExactly(200, 200);
        assertThat(f.user.requests).hasSize(1);
        assertThat(f.user.acks).hasSize(1);
        f.clock.advance(31_499);
        assertThat(tx.state()).isEqualTo(InviteServerTransaction.State.ACCEPTED);
        f.clock.advance(1);
        assertThat(tx.state()).isEqualTo(InviteServerTransaction.State.TERMINATED);
        assertThat(f.user.timeouts).isEmpty();
    }

    @Test
    void nonSuccessAfterSuccessIsDropped() {
        InviteServerTransaction tx = receiveInvite(Transport.UDP);
        tx.sendResponse(response(invite, 200));

        tx.sendResponse(response(invite, 500));

        assertThat(f.sender.responseCodes()).containsExactly(200);
    }

    @Test
    void transportErrorTerminatesAndTellsTheUser() {
        InviteServerTransaction tx = receiveInvite(Transport.TCP);
        f.sender.failing = true;

        tx.sendResponse(response(invite, 486));

        assertThat(tx.state()).isEqualTo(InviteServerTransaction.State.TERMINATED);
        assertThat(f.user.transportErrors).containsExactly(tx);
        assertThat(f.user.terminated).containsExactly(tx);
        assertThat(f.counters().transportErrors()).isEqualTo(1);
        assertThat(f.layer.tableSize()).isZero();
        assertThat(f.clock.pendingTimers()).isZero();
    }

    @Test
    void transportErrorReportedFromAnotherThreadIsHandledOnTheShard() {
        InviteServerTransaction tx = receiveInvite(Transport.TCP);
        tx.sendResponse(response(invite, 180));

        f.sender.responses.get(0).onError().onTransportError(new java.io.IOException("reset"));

        assertThat(tx.state()).isEqualTo(InviteServerTransaction.State.TERMINATED);
        assertThat(f.user.transportErrors).containsExactly(tx);
    }
}
