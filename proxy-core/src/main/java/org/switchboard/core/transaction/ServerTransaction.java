package org.switchboard.core.transaction;

import java.util.Objects;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.InboundMessage;

/**
 * A server transaction (RFC 3261 §17.2): the request that created it and the responses the
 * transaction user sends through it. It absorbs retransmissions of the request, answering them
 * with the last response, and retransmits responses as its state machine says.
 *
 * <p>Threading: lives on the shard of its Call-ID. {@link #sendResponse} may be called from any
 * thread (it is posted to the shard); the accessors are meant for the shard's thread.
 */
public abstract sealed class ServerTransaction permits InviteServerTransaction, NonInviteServerTransaction {
    final TransactionShard home;
    final ServerTransactionKey key;
    private final InboundMessage inbound;
    private final SipRequest request;
    private SipResponse lastResponse;

    ServerTransaction(TransactionShard home, InboundMessage inbound) {
        this.home = home;
        this.inbound = inbound;
        this.request = (SipRequest) inbound.message();
        this.key = ServerTransactionKey.of(request);
    }

    /** The request that created the transaction. */
    public SipRequest request() {
        return request;
    }

    /** The request as it arrived. */
    public InboundMessage inbound() {
        return inbound;
    }

    /** The flow the request came on; responses go back along it (RFC 3261 §18.2.2). */
    public Flow flow() {
        return inbound.flow();
    }

    /** The shard the transaction lives on, for posting asynchronous work back to it. */
    public Shard shard() {
        return home.shard;
    }

    /** The last response sent, or {@code null}. */
    public SipResponse lastResponse() {
        return lastResponse;
    }

    public abstract TransactionKind kind();

    /** Whether the transaction has ended; it then ignores responses given to it. */
    public abstract boolean isTerminated();

    /**
     * Sends {@code response} and moves the state machine on. A response the current state does not
     * allow (a second final, anything after Terminated) is dropped and logged.
     */
    public final void sendResponse(SipResponse response) {
        Objects.requireNonNull(response, "response");
        home.run(() -> onResponseFromUser(response));
    }

    /** Called on the shard when the transaction has been put in its table. */
    abstract void start();

    abstract void onResponseFromUser(SipResponse response);

    /** The request arrived again (RFC 3261 §17.2.1, §17.2.2). */
    abstract void onRetransmission();

    /** Ends the transaction now: timers cancelled, removed from its table, its user told. */
    abstract void terminate();

    /**
     * A message of this transaction could not be sent (RFC 3261 §17.1.4, §17.2.4): counted, the
     * user told, the transaction terminated. Ignored once terminated.
     */
    final void onTransportError(Throwable cause) {
        if (isTerminated()) {
            return;
        }
        home.counters.transportError();
        home.callUser(() -> home.user.onServerTransportError(this, cause));
        terminate();
    }

    /** Sends {@code response} and remembers it for retransmissions. */
    final void transmit(SipResponse response) {
        lastResponse = response;
        home.sender.sendResponse(response, flow(), cause -> home.run(() -> onTransportError(cause)));
    }

    /** Sends the last response again, if there is one. */
    final void retransmitLast() {
        if (lastResponse != null) {
            transmit(lastResponse);
        }
    }

    final boolean isReliable() {
        return flow().transport().isReliable();
    }

    /** Removes the transaction from its table and tells the transaction user; call once. */
    final void removeAndNotify() {
        home.removeServer(this);
        home.callUser(() -> home.user.onServerTerminated(this));
    }


    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + request.method() + " " + request.callId() + " " + key + "]";
    }
}
