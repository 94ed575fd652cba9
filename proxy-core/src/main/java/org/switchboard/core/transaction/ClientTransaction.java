package org.switchboard.core.transaction;

import org.switchboard.core.message.SipRequest;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.InboundMessage;

/**
 * A client transaction (RFC 3261 §17.1): one request sent to one destination, its retransmissions
 * and timeouts, and the responses matched to it by the top Via branch and CSeq method (§17.1.3).
 * Created by {@link TransactionLayer#sendRequest}; reports to its {@link ClientTransactionListener}.
 *
 * <p>Once a final response has arrived, the transaction only absorbs its retransmissions (Timers K,
 * D, M), and it releases the request it sent: {@link #request()} is for the time before.
 *
 * <p>Threading: lives on the shard of its Call-ID; the accessors are meant for that thread.
 */
public abstract sealed class ClientTransaction permits InviteClientTransaction, NonInviteClientTransaction {
    final TransactionShard home;
    final ClientTransactionTable.Key key;
    final ClientTransactionListener listener;
    private final Destination destination;
    private final String callId;
    private SipRequest request;

    ClientTransaction(TransactionShard home, SipRequest request, Destination destination,
            ClientTransactionListener listener) {
        this.home = home;
        this.request = request;
        this.destination = destination;
        this.listener = listener;
        this.callId = request.callId();
        this.key = new ClientTransactionTable.Key(request.topVia().branch(), request.method());
    }

    /**
     * The request as sent, until the transaction has its final response or ends.
     *
     * @throws IllegalStateException after that, when the request has been released
     */
    public SipRequest request() {
        SipRequest r = request;
        if (r == null) {
            throw new IllegalStateException(this + " has released its request after its final response");
        }
        return r;
    }

    /** The method of the request; available for the whole life of the transaction. */
    public String method() {
        return key.method();
    }

    /** The Call-ID of the request; available for the whole life of the transaction. */
    public String callId() {
        return callId;
    }

    public Destination destination() {
        return destination;
    }

    /** The branch of the request's top Via, which identifies the transaction. */
    public String branch() {
        return key.branch();
    }

    /** The shard the transaction lives on, for posting asynchronous work back to it. */
    public Shard shard() {
        return home.shard;
    }

    public abstract TransactionKind kind();

    public abstract boolean isTerminated();

    /** Called on the shard once the transaction is in its table: sends the request, starts timers. */
    abstract void start();

    /** A response matched this transaction. */
    abstract void onResponse(InboundMessage response);

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
        home.callUser(() -> listener.onTransportError(this, cause));
        terminate();
    }

    /** The transaction could not be put in its table: it ends without sending anything. */
    abstract void refuse(Throwable cause);

    /** Hands {@code message} to the transport. */
    final void send(SipRequest message) {
        home.sender.sendRequest(message, destination, cause -> home.run(() -> onTransportError(cause)));
    }

    final boolean isReliable() {
        return destination.transport().isReliable();
    }

    final void notifyResponse(InboundMessage response) {
        home.callUser(() -> listener.onResponse(this, response));
    }

    /** Counts a timeout and tells the listener; the caller then terminates. */
    final void reportTimeout() {
        home.counters.timedOut();
        home.callUser(() -> listener.onTimeout(this));
    }


    /** Drops the request once the final response is in: nothing will be sent from it again. */
    final void releaseRequest() {
        request = null;
    }

    /** Removes the transaction from its table and tells the listener; call once. */
    final void removeAndNotify() {
        releaseRequest();
        home.removeClient(this);
        home.callUser(() -> listener.onTerminated(this));
    }

    /** Tells the listener of a refusal; the transaction was never in a table. */
    final void notifyRefused(Throwable cause) {
        home.callUser(() -> listener.onTransportError(this, cause));
        home.callUser(() -> listener.onTerminated(this));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + key.method() + " " + callId + " " + key.branch() + "]";
    }
}
