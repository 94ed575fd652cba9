package org.switchboard.core.transaction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.Flow;

/**
 * The non-INVITE server transaction of RFC 3261 §17.2.2: Trying until the transaction user
 * answers, Proceeding after a provisional, Completed after the final response with Timer J (64*T1,
 * or 0 on reliable transports) absorbing request retransmissions, which are answered with the last
 * response.
 *
 * <p>In Completed over UDP the transaction hands its key and encoded final response to the shard's
 * {@code CompletedResponses} and ends: that store answers retransmissions until Timer J, off the
 * heap. Otherwise (an RFC 2543 key) it stays in Completed holding only those two: the request is
 * released when the final is sent. Challenges (401, 407) are kept like any final response, so a
 * retransmitted request gets the same challenge, nonce and To tag, as from a stateful UAS.
 *
 * <p>Threading: as {@link ServerTransaction}.
 */
public final class NonInviteServerTransaction extends ServerTransaction {
    private static final Logger LOG = LoggerFactory.getLogger(NonInviteServerTransaction.class);

    /** The states of RFC 3261 Figure 8. */
    public enum State { TRYING, PROCEEDING, COMPLETED, TERMINATED }

    private State state = State.TRYING;
    private TimerHandle timerJ;

    NonInviteServerTransaction(TransactionShard home, SipRequest request, ServerTransactionKey key, Flow flow) {
        super(home, request, key, flow);
    }

    public State state() {
        return state;
    }

    @Override
    public TransactionKind kind() {
        return TransactionKind.NON_INVITE_SERVER;
    }

    @Override
    public boolean isTerminated() {
        return state == State.TERMINATED;
    }

    @Override
    void start() {
        // RFC 3261 §17.2.2: the request is passed to the TU; nothing to schedule until it answers
    }

    @Override
    void onResponseFromUser(SipResponse response) {
        if (state != State.TRYING && state != State.PROCEEDING) {
            LOG.debug("{} in state {} dropped response {}", this, state, response.statusCode());
        } else if (response.isProvisional()) {
            state = State.PROCEEDING;
            transmit(response);
        } else {
            state = State.COMPLETED;
            transmit(response);
            releaseRequest();
            if (state == State.COMPLETED) {
                long delay = home.timers.timerJMillis(flow().transport());
                if (delay == 0 || keptCompact(delay)) {
                    terminate();
                } else {
                    timerJ = home.after(delay, this::terminate);
                }
            }
        }
    }

    /**
     * Hands the Completed state to the shard's {@code CompletedResponses}, which answers
     * retransmissions until Timer J with the same bytes while this object goes. Not possible for an
     * RFC 2543 key (rare, kept as before) or a response without a destination.
     */
    private boolean keptCompact(long timerJMillis) {
        return key instanceof ServerTransactionKey.Branch branchKey
                && home.keepCompleted(branchKey, lastResponse(), home.shard.nowMillis() + timerJMillis);
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
        TransactionShard.cancel(timerJ);
        removeAndNotify();
    }
}
