package org.switchboard.core.transaction;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.switchboard.core.message.HeaderField;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.InboundMessage;

/**
 * The INVITE client transaction of RFC 3261 §17.1.1 with the Accepted state of RFC 6026 §7.
 *
 * <ul>
 *   <li>Calling: Timer A retransmits the INVITE on unreliable transports, T1 doubling; Timer B
 *       (64*T1) times it out.
 *   <li>Proceeding (after a provisional): waits for the final response; the layer above runs Timer C.
 *   <li>Completed (after 300-699): the transaction sends the ACK itself (§17.1.1.3) and re-sends it
 *       for each retransmitted final; Timer D (32 s, or 0 on reliable) ends it.
 *   <li>Accepted (after 2xx): every further 2xx is passed up; Timer M (64*T1) ends it.
 * </ul>
 *
 * <p>In Completed and Accepted the INVITE itself is released; Completed keeps only its ACK.
 *
 * <p>Threading: as {@link ClientTransaction}; {@link #cancel} may be called from any thread.
 */
public final class InviteClientTransaction extends ClientTransaction {

    /** The states of RFC 3261 Figure 5 as amended by RFC 6026 Figure 4. */
    public enum State { CALLING, PROCEEDING, COMPLETED, ACCEPTED, TERMINATED }

    private State state = State.CALLING;
    private TimerHandle timerA;
    private TimerHandle timerB;
    private TimerHandle endTimer;
    private TimerHandle cancelTimer;
    private long timerAInterval;
    private SipRequest ack;
    private boolean cancelRequested;
    private PendingCancel pendingCancel;

    private record PendingCancel(List<HeaderField> extraHeaders, ClientTransactionListener listener,
            UnaryOperator<SipRequest> beforeSending) {
    }

    InviteClientTransaction(TransactionShard home, SipRequest request, Destination destination,
            ClientTransactionListener listener) {
        super(home, request, destination, listener);
    }

    public State state() {
        return state;
    }

    @Override
    public TransactionKind kind() {
        return TransactionKind.INVITE_CLIENT;
    }

    @Override
    public boolean isTerminated() {
        return state == State.TERMINATED;
    }

    /**
     * Cancels the INVITE (RFC 3261 §9.1): builds a CANCEL with {@code extraHeaders} appended (such
     * as a Reason header) and sends it as its own non-INVITE client transaction reporting to {@code
     * cancelListener}. The CANCEL goes out only once a provisional response has arrived; before that
     * it is held and sent on the first provisional. If a final response comes first, or one came
     * already, nothing is sent. Only the first call has an effect.
     */
    public void cancel(List<HeaderField> extraHeaders, ClientTransactionListener cancelListener) {
        cancel(extraHeaders, cancelListener, UnaryOperator.identity());
    }

    /**
     * As {@link #cancel(List, ClientTransactionListener)}, with the CANCEL passed through {@code
     * beforeSending} (a proxy's relay point) when it is built, on the transaction's shard.
     */
    public void cancel(List<HeaderField> extraHeaders, ClientTransactionListener cancelListener,
            UnaryOperator<SipRequest> beforeSending) {
        List<HeaderField> extra = List.copyOf(extraHeaders);
        Objects.requireNonNull(cancelListener, "cancelListener");
        Objects.requireNonNull(beforeSending, "beforeSending");
        home.run(() -> requestCancel(new PendingCancel(extra, cancelListener, beforeSending)));
    }

    private void requestCancel(PendingCancel cancel) {
        if (cancelRequested) {
            return;
        }
        cancelRequested = true;
        if (state == State.CALLING) {
            pendingCancel = cancel;
        } else if (state == State.PROCEEDING) {
            sendCancel(cancel);
        }
    }

    private void sendCancel(PendingCancel cancel) {
        SipRequest cancelRequest = cancel.beforeSending().apply(DerivedRequests.cancelFor(request(),
                cancel.extraHeaders()));
        home.startClient(new NonInviteClientTransaction(home, cancelRequest, destination(), cancel.listener()));
        // RFC 3261 §9.1: with no final response 64*T1 after the CANCEL, consider the INVITE cancelled
        cancelTimer = home.after(home.timers.transactionTimeoutMillis(), this::terminate);
    }

    @Override
    void start() {
        send(request());
        if (state != State.CALLING) {
            return;
        }
        if (!isReliable()) {
            timerAInterval = home.timers.t1Millis();
            timerA = home.after(timerAInterval, this::onTimerA);
        }
        timerB = home.after(home.timers.transactionTimeoutMillis(), this::onTimerB);
    }

    private void onTimerA() {
        if (state != State.CALLING) {
            return;
        }
        send(request());
        timerAInterval *= 2; // RFC 3261 §17.1.1.2: Timer A doubles without the T2 cap
        if (state == State.CALLING) {
            timerA = home.after(timerAInterval, this::onTimerA);
        }
    }

    private void onTimerB() {
        if (state != State.CALLING) {
            return;
        }
        reportTimeout();
        terminate();
    }

    @Override
    void onResponse(InboundMessage inbound) {
        SipResponse response = (SipResponse) inbound.message();
        switch (state) {
            case CALLING, PROCEEDING -> onFirstResponses(response, inbound);
            case ACCEPTED -> {
                if (response.isSuccess()) {
                    notifyResponse(inbound); // RFC 6026 §7.2: every 2xx goes to the TU
                } else {
                    home.counters.retransmissionAbsorbed();
                }
            }
            case COMPLETED -> {
                home.counters.retransmissionAbsorbed();
                if (response.statusCode() >= 300) {
                    send(ack); // RFC 3261 §17.1.1.2: ACK each retransmitted final
                }
            }
        }
    }

    private void onFirstResponses(SipResponse response, InboundMessage inbound) {
        if (response.isProvisional()) {
            state = State.PROCEEDING;
            // not the wait after a CANCEL (§9.1): a UAS may go on ringing and never answer it
            TransactionShard.cancel(timerA);
            TransactionShard.cancel(timerB);
            notifyResponse(inbound);
            PendingCancel cancel = pendingCancel;
            pendingCancel = null;
            if (cancel != null && state == State.PROCEEDING) {
                sendCancel(cancel);
            }
        } else if (response.isSuccess()) {
            state = State.ACCEPTED;
            releaseRequest();
            stopCallingTimers();
            pendingCancel = null;
            endTimer = home.after(home.timers.transactionTimeoutMillis(), this::terminate); // Timer M
            notifyResponse(inbound);
        } else {
            state = State.COMPLETED;
            stopCallingTimers();
            pendingCancel = null;
            ack = DerivedRequests.ackFor(request(), response);
            releaseRequest();
            notifyResponse(inbound);
            send(ack);
            long timerD = home.timers.timerDMillis(destination().transport());
            if (timerD == 0) {
                terminate();
            } else if (state == State.COMPLETED) {
                endTimer = home.after(timerD, this::terminate);
            }
        }
    }

    private void stopCallingTimers() {
        TransactionShard.cancel(timerA);
        TransactionShard.cancel(timerB);
        TransactionShard.cancel(cancelTimer);
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
        stopCallingTimers();
        TransactionShard.cancel(endTimer);
        pendingCancel = null;
        removeAndNotify();
    }
}
