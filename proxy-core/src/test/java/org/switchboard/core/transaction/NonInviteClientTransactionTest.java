package org.switchboard.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.core.transaction.TestMessages.outgoing;
import static org.switchboard.core.transaction.TestMessages.response;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.switchboard.core.transport.Transport;

class NonInviteClientTransactionTest {
    private static final String BRANCH = "z9hG4bKreg1";
    private static final String CALL_ID = "call-4@example.com";

    private final LayerFixture f = new LayerFixture();
    private final RecordingListener listener = new RecordingListener();

    private NonInviteClientTransaction sendRegister(Transport transport) {
        return (NonInviteClientTransaction) f.send(outgoing("REGISTER", BRANCH, CALL_ID), transport, listener);
    }

    private void answer(int code) {
        f.receive(response(code, BRANCH, CALL_ID, 1, "REGISTER"));
    }

    @Test
    void retransmitsWithTimerEDoublingCappedAtT2UntilTimerF() {
        NonInviteClientTransaction tx = sendRegister(Transport.UDP);

        f.clock.advance(32_000);

        assertThat(f.sender.requestTimes()).containsExactly(
                0L, 500L, 1_500L, 3_500L, 7_500L, 11_500L, 15_500L, 19_500L, 23_500L, 27_500L, 31_500L);
        assertThat(listener.timeouts).containsExactly(tx);
        assertThat(listener.terminated).containsExactly(tx);
        assertThat(tx.state()).isEqualTo(NonInviteClientTransaction.State.TERMINATED);
        assertThat(f.layer.tableSize()).isZero();
        assertThat(f.clock.pendingTimers()).isZero();
    }

    @Test
    void finalResponseReleasesTheRequestWhileTimerKAbsorbsRetransmissions() {
        NonInviteClientTransaction tx = sendRegister(Transport.UDP);
        assertThat(tx.request().method()).isEqualTo("REGISTER");

        answer(200);
        answer(200);

        assertThat(tx.state()).isEqualTo(NonInviteClientTransaction.State.COMPLETED);
        assertThatThrownBy(tx::request).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REGISTER " + CALL_ID);
        assertThat(tx.method()).isEqualTo("REGISTER");
        assertThat(tx.callId()).isEqualTo(CALL_ID);
        assertThat(listener.responses).hasSize(1);
        assertThat(f.counters().retransmissionsAbsorbed()).isEqualTo(1);
    }

    @Test
    void proceedingRetransmitsEveryT2AndTimerFStillFires() {
        NonInviteClientTransaction tx = sendRegister(Transport.UDP);
        f.clock.advance(600);

        answer(100);
        f.clock.advance(31_400);

        assertThat(tx.state()).isEqualTo(NonInviteClientTransaction.State.TERMINATED);
        assertThat(f.sender.requestTimes()).containsExactly(
                0L, 500L, 1_500L, 5_500L, 9_500L, 13_500L, 17_500L, 21_500L, 25_500L, 29_500L);
        assertThat(listener.codes()).containsExactly(100);
        assertThat(listener.timeouts).containsExactly(tx);
    }

    @Test
    void finalAbsorbsResponseRetransmissionsUntilTimerK() {
        NonInviteClientTransaction tx = sendRegister(Transport.UDP);

        answer(200);
        answer(200);
        f.clock.advance(4_999);

        assertThat(tx.state()).isEqualTo(NonInviteClientTransaction.State.COMPLETED);
        assertThat(listener.codes()).containsExactly(200);
        assertThat(f.counters().retransmissionsAbsorbed()).isEqualTo(1);
        assertThat(f.sender.requestTimes()).containsExactly(0L);
        f.clock.advance(1);
        assertThat(tx.state()).isEqualTo(NonInviteClientTransaction.State.TERMINATED);
        assertThat(listener.terminated).containsExactly(tx);
        assertThat(f.layer.tableSize()).isZero();
    }

    @Test
    void reliableTransportSkipsTimerEAndEndsOnFinalWithTimerKZero() {
        NonInviteClientTransaction tx = sendRegister(Transport.TCP);
        f.clock.advance(20_000);
        assertThat(f.sender.requestTimes()).containsExactly(0L);

        answer(401);

        assertThat(tx.state()).isEqualTo(NonInviteClientTransaction.State.TERMINATED);
        assertThat(listener.codes()).containsExactly(401);
        assertThat(f.clock.pendingTimers()).isZero();
    }

    @Test
    void timerFFiresOnReliableTransport() {
        NonInviteClientTransaction tx = sendRegister(Transport.TCP);

        f.clock.advance(32_000);

        assertThat(listener.timeouts).containsExactly(tx);
    }

    @Test
    void transportErrorReportedLaterTerminatesTheTransaction() {
        NonInviteClientTransaction tx = sendRegister(Transport.UDP);

        f.sender.requests.get(0).onError().onTransportError(new IOException("ICMP unreachable"));
        f.clock.advance(32_000);

        assertThat(tx.state()).isEqualTo(NonInviteClientTransaction.State.TERMINATED);
        assertThat(listener.transportErrors).hasSize(1);
        assertThat(listener.timeouts).isEmpty();
        assertThat(f.sender.requestTimes()).containsExactly(0L);
        assertThat(f.counters().transportErrors()).isEqualTo(1);
    }
}
