package org.switchboard.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.core.transaction.TestMessages.request;
import static org.switchboard.core.transaction.TestMessages.response;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.transport.EncodedResponse;
import org.switchboard.core.transport.Transport;

class NonInviteServerTransactionTest {
    private final LayerFixture f = new LayerFixture();
    private final SipRequest options = request("OPTIONS", "z9hG4bKopt1", "call-2@example.com", 5);

    private NonInviteServerTransaction receiveOptions(Transport transport) {
        f.receive(options, transport);
        return (NonInviteServerTransaction) f.serverTransaction(0);
    }

    @Test
    void aRetransmittedRequestGetsTheSameChallengeAgain() {
        NonInviteServerTransaction tx = receiveOptions(Transport.UDP);
        tx.sendResponse(response(options, 407));

        f.receive(options);

        assertThat(f.user.requests).hasSize(1);
        assertThat(f.sender.responseCodes()).containsExactly(407, 407);
        assertThat(f.sender.responses.get(1).encoded().bytes()).isEqualTo(f.sender.responses.get(0).encoded().bytes());
    }

    @Test
    void overTcpAChallengeEndsTheTransactionAtOnce() {
        NonInviteServerTransaction tx = receiveOptions(Transport.TCP);
        tx.sendResponse(response(options, 401));

        assertThat(tx.state()).isEqualTo(NonInviteServerTransaction.State.TERMINATED);
        assertThat(f.layer.tableSize()).isZero();
        assertThat(f.counters().completedKept()).isZero();
    }

    @Test
    void retransmissionInTryingIsAbsorbedWithoutAnswer() {
        NonInviteServerTransaction tx = receiveOptions(Transport.UDP);

        f.receive(options);

        assertThat(tx.state()).isEqualTo(NonInviteServerTransaction.State.TRYING);
        assertThat(f.user.requests).hasSize(1);
        assertThat(f.sender.responses).isEmpty();
        assertThat(f.counters().retransmissionsAbsorbed()).isEqualTo(1);
    }

    @Test
    void retransmissionInProceedingGetsTheLastProvisional() {
        NonInviteServerTransaction tx = receiveOptions(Transport.UDP);
        tx.sendResponse(response(options, 183));

        f.receive(options);

        assertThat(tx.state()).isEqualTo(NonInviteServerTransaction.State.PROCEEDING);
        assertThat(f.sender.responseCodes()).containsExactly(183, 183);
    }

    @Test
    void overUdpTheFinalIsKeptOffTheTransactionAndAnswersRetransmissionsUntilTimerJ() {
        NonInviteServerTransaction tx = receiveOptions(Transport.UDP);
        tx.sendResponse(response(options, 200));
        assertThat(tx.state()).isEqualTo(NonInviteServerTransaction.State.TERMINATED);
        assertThat(f.user.terminated).containsExactly(tx);
        assertThat(f.layer.tableSize()).isZero();
        assertThat(f.counters().completedKept()).isEqualTo(1);

        f.receive(options);
        f.clock.advance(31_999);
        f.receive(options);

        assertThat(f.sender.responseCodes()).containsExactly(200, 200, 200);
        assertThat(f.user.requests).hasSize(1);
        assertThat(f.counters().retransmissionsAbsorbed()).isEqualTo(2);
        f.clock.advance(1);

        f.receive(options);
        assertThat(f.user.requests).hasSize(2);
        assertThat(f.sender.responseCodes()).containsExactly(200, 200, 200);
    }

    @Test
    void keptFinalIsResentByteForByteToWhereTheFirstWent() {
        NonInviteServerTransaction tx = receiveOptions(Transport.UDP);
        assertThat(tx.request()).isSameAs(options);
        tx.sendResponse(response(options, 200));

        f.receive(options);
        f.receive(options);

        assertThatThrownBy(tx::request).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPTIONS call-2@example.com").hasMessageContaining("released");
        assertThat(tx.method()).isEqualTo("OPTIONS");
        assertThat(tx.callId()).isEqualTo("call-2@example.com");
        assertThat(f.sender.responsesEncoded).isEqualTo(1);
        EncodedResponse first = f.sender.responses.get(0).encoded();
        assertThat(f.sender.responses).hasSize(3).allSatisfy(sent -> {
            assertThat(sent.encoded().bytes()).isEqualTo(first.bytes());
            assertThat(sent.encoded().destination()).isEqualTo(first.destination());
            assertThat(sent.encoded().localAddress()).isEqualTo(first.localAddress());
            assertThat(sent.encoded().statusCode()).isEqualTo(200);
            assertThat(sent.encoded().callId()).isEqualTo("call-2@example.com");
        });
    }

    /** An OPTIONS whose branch lacks the RFC 3261 magic cookie, so its transaction is matched the RFC 2543 way. */
    private SipRequest rfc2543Options() {
        return request("OPTIONS", "2543branch", "call-3@example.com", 5);
    }

    /** Receives {@code request} and answers its new transaction with a 200. */
    private NonInviteServerTransaction answeredWith200(SipRequest request) {
        f.receive(request);
        NonInviteServerTransaction tx = (NonInviteServerTransaction) f.serverTransaction(0);
        tx.sendResponse(response(request, 200));
        return tx;
    }

    @Test
    void rfc2543RequestStaysInCompletedUntilTimerJAndAnswersRetransmissions() {
        SipRequest old = rfc2543Options();
        NonInviteServerTransaction tx = answeredWith200(old);
        assertThat(tx.state()).isEqualTo(NonInviteServerTransaction.State.COMPLETED);

        f.receive(old);
        f.clock.advance(32_000);

        assertThat(f.sender.responseCodes()).containsExactly(200, 200);
        assertThat(tx.state()).isEqualTo(NonInviteServerTransaction.State.TERMINATED);
        assertThat(f.layer.tableSize()).isZero();
    }

    @Test
    void provisionalKeepsTheRequestForTheUser() {
        NonInviteServerTransaction tx = receiveOptions(Transport.UDP);

        tx.sendResponse(response(options, 183));

        assertThat(tx.request()).isSameAs(options);
    }

    @Test
    void transportErrorOfARetransmissionAfterReleaseTellsTheUserWithMethodAndCallId() {
        SipRequest old = rfc2543Options();
        NonInviteServerTransaction tx = answeredWith200(old);
        f.receive(old);

        f.sender.responses.get(1).onError().onTransportError(new IOException("unreachable"));

        assertThat(f.user.transportErrors).containsExactly(tx);
        assertThat(tx.state()).isEqualTo(NonInviteServerTransaction.State.TERMINATED);
        assertThat(tx.method()).isEqualTo("OPTIONS");
        assertThat(tx.callId()).isEqualTo("call-3@example.com");
        assertThat(tx.toString()).startsWith("NonInviteServerTransaction[OPTIONS call-3@example.com Rfc2543[");
    }

    @Test
    void failedResendOfAKeptFinalIsOnlyLogged() {
        NonInviteServerTransaction tx = receiveOptions(Transport.UDP);
        tx.sendResponse(response(options, 200));
        f.receive(options);

        f.sender.responses.get(1).onError().onTransportError(new IOException("unreachable"));

        assertThat(f.user.transportErrors).isEmpty();
        assertThat(f.counters().transportErrors()).isZero();
        f.receive(options);
        assertThat(f.sender.responseCodes()).containsExactly(200, 200, 200);
    }

    @Test
    void noRetransmissionsOfTheFinalWithoutARetransmittedRequest() {
        NonInviteServerTransaction tx = receiveOptions(Transport.UDP);
        tx.sendResponse(response(options, 200));

        f.clock.advance(20_000);

        assertThat(f.sender.responseCodes()).containsExactly(200);
    }

    @Test
    void reliableTransportEndsOnTheFinalWithTimerJZero() {
        NonInviteServerTransaction tx = receiveOptions(Transport.TLS);

        tx.sendResponse(response(options, 404));

        assertThat(tx.state()).isEqualTo(NonInviteServerTransaction.State.TERMINATED);
        assertThat(f.layer.tableSize()).isZero();
        assertThat(f.clock.pendingTimers()).isZero();
    }

    @Test
    void secondFinalIsDropped() {
        NonInviteServerTransaction tx = receiveOptions(Transport.UDP);
        tx.sendResponse(response(options, 200));

        tx.sendResponse(response(options, 500));

        assertThat(f.sender.responseCodes()).containsExactly(200);
    }

    @Test
    void transportErrorTerminatesAndTellsTheUser() {
        NonInviteServerTransaction tx = receiveOptions(Transport.TCP);
        tx.sendResponse(response(options, 100));

        f.sender.responses.get(0).onError().onTransportError(new IOException("reset"));

        assertThat(tx.state()).isEqualTo(NonInviteServerTransaction.State.TERMINATED);
        assertThat(f.user.transportErrors).containsExactly(tx);
        assertThat(f.layer.tableSize()).isZero();
    }
}
