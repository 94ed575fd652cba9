package org.switchboard.core.transaction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.InboundMessage;

/**
 * The INVITE server transaction of RFC 3261 §17.2.1 with the Accepted state of RFC 6026 §8.
 *
 * <ul>
 *   <li>Proceeding: sends a 100 Trying if the transaction user has sent nothing within 200 ms;
 *       re-sends the last provisional to a retransmitted INVITE.
 *   <li>Completed (after 300-699): Timer G retransmits the final on unreliable transports, T1
 *       doubling up to T2; Timer H (64*T1) ends the wait for the ACK.
 *   <li>Confirmed (after the ACK): Timer I (T4, or 0 on reliable) absorbs ACK retransmissions.
 *   <li>Accepted (after 2xx): further 2xx from the transaction user pass through, INVITE
 *       retransmissions are absorbed, ACKs go up to the transaction user; Timer L (64*T1) ends it.
 * </ul>
 *
 * <p>From Completed, Confirmed and Accepted on, the request is released; Completed keeps the encoded
 * final response for retransmissions, Confirmed and Accepted not even that. The To tag of the last
 * response stays for matching ACKs without an RFC 3261 branch (§17.2.3).
 *
 * <p>Threading: as {@link ServerTransaction}.
 */
public final class InviteServerTransaction extends ServerTransaction {
    private static final Logger LOG = LoggerFactory.getLogger(InviteServerTransaction.class);

    /** The states of RFC 3261 Figure 7 as amended by RFC 6026 Figure 5. */
    public enum State { PROCEEDING, COMPLETED, CONFIRMED, ACCEPTED, TERMINATED }

    private State state = State.PROCEEDING;
    private TimerHandle tryingTimer;
    private TimerHandle timerG;
    private TimerHandle endTimer;
    private long timerGInterval;
    private String responseToTag;

    InviteServerTransaction(TransactionShard home, SipRequest request, ServerTransactionKey key, Flow flow) {
        super(home, request, key, flow);
    }

    public State state() {
        return state;
    }

    @Override
    public TransactionKind kind() {
        return TransactionKind.INVITE_SERVER;
    }

    @Override
    public boolean isTerminated() {
        return state == State.TERMINATED;
    }

    @Override
    void start() {
        // RFC 3261 §17.2.1: a 100 Trying unless the TU answers within 200 ms
        tryingTimer = home.after(TimerSettings.TRYING_DELAY_MILLIS, this::sendTryingIfSilent);
    }

    private void sendTryingIfSilent() {
        if (state == State.PROCEEDING && !hasLastResponse()) {
            transmit(SipResponse.builderFor(request(), 100, "Trying").build());
        }
    }

    /** The To tag of the last response sent, or {@code null}: an ACK without a branch must carry it. */
    String responseToTag() {
        return responseToTag;
    }

    @Override
    void onResponseFromUser(SipResponse response) {
        if (state == State.PROCEEDING) {
            responseToTag = response.to().tag();
            TransactionShard.cancel(tryingTimer);
            if (response.isProvisional()) {
                transmit(response);
            } else if (response.isSuccess()) {
                enterAccepted(response);
            } else {
                enterCompleted(response);
            }
        } else if (state == State.ACCEPTED && response.isSuccess()) {
            // RFC 6026 §8.5: 2xx retransmissions from the TU pass through
            responseToTag = response.to().tag();
            sendOnce(response);
        } else {
            LOG.debug("{} in state {} dropped response {}", this, state, response.statusCode());
        }
    }

    private void enterAccepted(SipResponse response) {
        state = State.ACCEPTED;
        releaseAll(); // RFC 6026 §8.5: the TU itself retransmits the 2xx; the INVITE's are absorbed
        sendOnce(response);
        if (state == State.ACCEPTED) {
            endTimer = home.after(home.timers.transactionTimeoutMillis(), this::terminate); // Timer L
        }
    }

    private void enterCompleted(SipResponse response) {
        state = State.COMPLETED;
        transmit(response);
        releaseRequest();
        if (state != State.COMPLETED) {
            return;
        }
        if (!isReliable()) {
            timerGInterval = home.timers.t1Millis();
            timerG = home.after(timerGInterval, this::onTimerG);
        }
        endTimer = home.after(home.timers.transactionTimeoutMillis(), this::onTimerH);
    }

    private void onTimerG() {
        if (state != State.COMPLETED) {
            return;
        }
        retransmitLast();
        timerGInterval = home.timers.nextCappedInterval(timerGInterval);
        if (state == State.COMPLETED) {
            timerG = home.after(timerGInterval, this::onTimerG);
        }
    }

    private void onTimerH() {
        if (state != State.COMPLETED) {
            return;
        }
        home.counters.timedOut();
        home.callUser(() -> home.user.onServerTimeout(this));
        terminate();
    }

    /** An ACK matched this transaction (RFC 3261 §17.2.1, RFC 6026 §8.6). */
    void onAck(InboundMessage ack) {
        switch (state) {
            case COMPLETED -> {
                state = State.CONFIRMED;
                releaseAll(); // §17.2.1: retransmitted INVITEs and ACKs are now absorbed without answer
                TransactionShard.cancel(timerG);
                TransactionShard.cancel(endTimer);
                long timerI = home.timers.timerIMillis(flow().transport());
                if (timerI == 0) {
                    terminate();
                } else {
                    endTimer = home.after(timerI, this::terminate);
                }
            }
            case CONFIRMED -> home.counters.retransmissionAbsorbed();
            case ACCEPTED -> home.callUser(() -> home.user.onAck(ack));
            default -> LOG.debug("{} in state {} dropped an ACK", this, state);
        }
    }

    @Override
    void onRetransmission() {
        home.counters.retransmissionAbsorbed();
        if (state == State.PROCEEDING || state == State.COMPLETED) {
            retransmitLast();
        }
    }

    @Override
    void terminate() {
        if (state == State.TERMINATED) {
            return;
        }
        state = State.TERMINATED;
        TransactionShard.cancel(tryingTimer);
        TransactionShard.cancel(timerG);
        TransactionShard.cancel(endTimer);
        removeAndNotify();
    }
}
