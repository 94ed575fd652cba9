package org.switchboard.core.transaction;

import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.InboundMessage;

/**
 * The non-INVITE client transaction of RFC 3261 §17.1.2.
 *
 * <ul>
 *   <li>Trying: Timer E retransmits on unreliable transports, T1 doubling up to T2; Timer F
 *       (64*T1) times the request out.
 *   <li>Proceeding (after a provisional): Timer E goes on at T2; Timer F still runs.
 *   <li>Completed (after a final): retransmitted responses are absorbed until Timer K (T4, or 0 on
 *       reliable transports); the request is released.
 * </ul>
 *
 * <p>Threading: as {@link ClientTransaction}.
 */
public final class NonInviteClientTransaction extends ClientTransaction {

    /** The states of RFC 3261 Figure 6. */
    public enum State { TRYING, PROCEEDING, COMPLETED, TERMINATED }

    private State state = State.TRYING;
    private TimerHandle timerE;
    private TimerHandle timerF;
    private TimerHandle timerK;
    private long timerEInterval;

    NonInviteClientTransaction(TransactionShard home, SipRequest request, Destination destination,
            ClientTransactionListener listener) {
        super(home, request, destination, listener);
    }

    public State state() {
        return state;
    }

    @Override
    public TransactionKind kind() {
        return TransactionKind.NON_INVITE_CLIENT;
    }

    @Override
    public boolean isTerminated() {
        return state == State.TERMINATED;
    }

    @Override
    void start() {
        send(request());
        if (state != State.TRYING) {
            return;
        }
        if (!isReliable()) {
            timerEInterval = home.timers.t1Millis();
            timerE = home.after(timerEInterval, this::onTimerE);
        }
        timerF = home.after(home.timers.transactionTimeoutMillis(), this::onTimerF);
    }

    private void onTimerE() {
        if (state != State.TRYING && state != State.PROCEEDING) {
            return;
        }
        send(request());
        // RFC 3261 §17.1.2.2: doubling up to T2 in Trying, T2 in Proceeding
        timerEInterval = state == State.TRYING
                ? home.timers.nextCappedInterval(timerEInterval)
                : home.timers.t2Millis();
        if (state == State.TRYING || state == State.PROCEEDING) {
            timerE = home.after(timerEInterval, this::onTimerE);
        }
    }

    private void onTimerF() {
        if (state != State.TRYING && state != State.PROCEEDING) {
            return;
        }
        reportTimeout();
        terminate();
    }

    @Override
    void onResponse(InboundMessage inbound) {
        SipResponse response = (SipResponse) inbound.message();
        if (state != State.TRYING && state != State.PROCEEDING) {
            home.counters.retransmissionAbsorbed();
        } else if (response.isProvisional()) {
            state = State.PROCEEDING;
            notifyResponse(inbound);
        } else {
            state = State.COMPLETED;
            releaseRequest();
            TransactionShard.cancel(timerE);
            TransactionShard.cancel(timerF);
            notifyResponse(inbound);
            long delay = home.timers.timerKMillis(destination().transport());
            if (delay == 0) {
                terminate();
            } else if (state == State.COMPLETED) {
                timerK = home.after(delay, this::terminate);
            }
        }
    }

    @Override
    void refuse(Throwable cause) {
        state = State.TERMINATED;
        notifyRefused(cause);
    }

    @Override
    void terminate() {
        if (state == State.TERMINATED) {
            return;
        }
        state = State.TERMINATED;
        TransactionShard.cancel(timerE);
        TransactionShard.cancel(timerF);
        TransactionShard.cancel(timerK);
        removeAndNotify();
    }
}
