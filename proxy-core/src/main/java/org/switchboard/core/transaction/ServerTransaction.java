package org.switchboard.core.transaction;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.EncodedResponse;
import org.switchboard.core.transport.Flow;

/**
 * A server transaction (RFC 3261 §17.2): the request that created it and the responses the
 * transaction user sends through it. It absorbs retransmissions of the request, answering them
 * with the last response, and retransmits responses as its state machine says.
 *
 * <p>Once the final response is sent, a transaction often lingers for tens of seconds only to absorb
 * retransmissions (Timers J, H, I, L). It then keeps just what that takes: its key, the flow, the last
 * response as encoded bytes with its destination, and the method and Call-ID for logs. The request
 * itself is released, so {@link #request()} is for the transaction user while it answers.
 *
 * <p>Threading: lives on the shard of its Call-ID. {@link #sendResponse} may be called from any
 * thread (it is posted to the shard); the accessors are meant for the shard's thread.
 */
public abstract sealed class ServerTransaction permits InviteServerTransaction, NonInviteServerTransaction {
    private static final Logger LOG = LoggerFactory.getLogger(ServerTransaction.class);

    final TransactionShard home;
    final ServerTransactionKey key;
    private final Flow flow;
    private final String method;
    private final String callId;
    private SipRequest request;
    private EncodedResponse lastSent;

    /** @param key the request's key, {@code ServerTransactionKey.of(request)}, as the shard found it */
    ServerTransaction(TransactionShard home, SipRequest request, ServerTransactionKey key, Flow flow) {
        this.home = home;
        this.flow = flow;
        this.request = request;
        this.method = request.method();
        this.callId = request.callId();
        this.key = key;
    }

    /**
     * The request that created the transaction, while the transaction user answers it: from {@link
     * TransactionUser#onRequest} until the transaction sends its final response or ends, whichever
     * comes first. Use {@link #method()}, {@link #callId()} and {@link #flow()} after that.
     *
     * @throws IllegalStateException after the final response or the end of the transaction, when the
     *     request has been released
     */
    public SipRequest request() {
        SipRequest r = request;
        if (r == null) {
            throw new IllegalStateException(this + " has released its request after its final response;"
                    + " use method(), callId() and flow()");
        }
        return r;
    }

    /** The method of the request; available for the whole life of the transaction. */
    public String method() {
        return method;
    }

    /** The Call-ID of the request; available for the whole life of the transaction. */
    public String callId() {
        return callId;
    }

    /** The flow the request came on; responses go back along it (RFC 3261 §18.2.2). */
    public Flow flow() {
        return flow;
    }

    /** The shard the transaction lives on, for posting asynchronous work back to it. */
    public Shard shard() {
        return home.shard;
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
     * user told, the transaction terminated. Once terminated, only logged.
     */
    final void onTransportError(Throwable cause) {
        if (isTerminated()) {
            // a final response can fail after its transaction ended (a 2xx to an INVITE, a final
            // handed to CompletedResponses): the transaction user has let go, so only the log hears of it
            LOG.warn("Could not send a response to {} (Call-ID {}) to {}: {}", method, callId, flow.remote(),
                    cause.toString());
            return;
        }
        home.counters.transportError();
        home.callUser(() -> home.user.onServerTransportError(this, cause));
        terminate();
    }

    /** Encodes and sends {@code response}, and keeps the encoding to answer retransmissions. */
    final void transmit(SipResponse response) {
        lastSent = home.sender.encodeResponse(response, flow);
        retransmitLast();
    }

    /** Sends {@code response} without keeping it: nothing will be sent again from it. */
    final void sendOnce(SipResponse response) {
        home.sender.sendResponse(home.sender.encodeResponse(response, flow), this::onSendFailure);
    }

    /** Sends the last response kept by {@link #transmit} again, if there is one. */
    final void retransmitLast() {
        if (lastSent != null) {
            home.sender.sendResponse(lastSent, this::onSendFailure);
        }
    }

    private void onSendFailure(Throwable cause) {
        home.run(() -> onTransportError(cause));
    }

    /** Whether a response was sent and kept for retransmissions. */
    final boolean hasLastResponse() {
        return lastSent != null;
    }

    /** The response kept for retransmissions, or {@code null}. */
    final EncodedResponse lastResponse() {
        return lastSent;
    }

    /** Drops the request once the final response is out: the transaction user has answered it. */
    final void releaseRequest() {
        request = null;
    }

    /** Drops the kept response too, once no retransmitted request will be answered with it. */
    final void releaseAll() {
        request = null;
        lastSent = null;
    }

    final boolean isReliable() {
        return flow.transport().isReliable();
    }

    /** Removes the transaction from its table and tells the transaction user; call once. */
    final void removeAndNotify() {
        releaseAll();
        home.removeServer(this);
        home.callUser(() -> home.user.onServerTerminated(this));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + method + " " + callId + " " + key + "]";
    }
}
