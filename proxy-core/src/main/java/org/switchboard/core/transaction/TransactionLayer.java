package org.switchboard.core.transaction;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.Via;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.InboundMessage;
import org.switchboard.core.transport.InboundMessageHandler;
import org.switchboard.core.transport.SipSender;

/**
 * The RFC 3261 §17 transaction layer. Inbound messages are routed to the shard their Call-ID
 * hashes to; there a request finds its server transaction (a retransmission, absorbed) or creates
 * one and goes to the {@link TransactionUser}, and a response finds its client transaction or goes
 * up as a stray. Outbound requests start client transactions through {@link #sendRequest}.
 *
 * <p>Each shard holds at most {@link TransactionLimits#perShard} server and as many client
 * transactions. A new request (other than ACK) that finds its shard's server table full is answered
 * 503 with Retry-After, statelessly.
 *
 * <p>Threading: {@link #onMessage} and {@link #sendRequest} may be called from any thread; the work
 * is done on the message's shard, messages in the order {@link #onMessage} was called, whichever
 * threads called it. Nothing blocks.
 */
public final class TransactionLayer implements InboundMessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionLayer.class);

    private final List<TransactionShard> shards;
    private final TransactionCounters counters = new TransactionCounters();

    /**
     * @param shards where transactions live, at least one; a message goes to the one its Call-ID hashes to
     * @param sender the transport
     * @param timers T1, T2, T4
     * @param limits the table bounds
     * @param user the layer above, told about new requests, stray ACKs and responses
     */
    public TransactionLayer(List<? extends Shard> shards, SipSender sender, TimerSettings timers,
            TransactionLimits limits, TransactionUser user) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("Need at least one shard");
        }
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(user, "user");
        int capacity = limits.perShard(shards.size());
        long tagSalt = new SecureRandom().nextLong();
        List<TransactionShard> list = new ArrayList<>(shards.size());
        for (Shard shard : shards) {
            list.add(new TransactionShard(Objects.requireNonNull(shard, "shard"), sender, timers, user, counters,
                    capacity, limits.retryAfterSeconds(), tagSalt, limits.completedResponseBytesPerShard(shards.size())));
        }
        this.shards = List.copyOf(list);
    }

    /** Matches a message to its transaction on its shard (RFC 3261 §17.1.3, §17.2.3). */
    @Override
    public void onMessage(InboundMessage message) {
        String callId = message.message().callId();
        if (callId == null) {
            LOG.debug("Dropped a message without Call-ID from {}", message.flow());
            return;
        }
        TransactionShard home = homeOf(callId);
        // queued even on the shard's own thread: a message read there must not overtake one another
        // thread has just queued, as a 200 would overtake the 180 before it
        home.post(() -> home.dispatch(message));
    }

    /**
     * Starts a client transaction for {@code request} towards {@code destination}. The caller must
     * have put the request's own top Via, with an RFC 3261 branch unique to this transaction (see
     * {@link BranchGenerator}); the transaction is keyed on that branch and the method. A CANCEL is
     * best sent with {@link InviteClientTransaction#cancel}. The request is sent on its Call-ID's
     * shard; if that table is full or the branch is in use, the listener is told through
     * {@link ClientTransactionListener#onTransportError}.
     *
     * @return the transaction, an {@link InviteClientTransaction} for INVITE
     * @throws IllegalArgumentException for an ACK (the ACK for a 2xx is sent without a transaction,
     *     RFC 3261 §17.1.1.3) or a request without a top Via carrying an RFC 3261 branch
     */
    public ClientTransaction sendRequest(SipRequest request, Destination destination, ClientTransactionListener listener) {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(listener, "listener");
        if (request.isMethod(SipMethod.ACK)) {
            throw new IllegalArgumentException("An ACK is not sent in a client transaction");
        }
        Via top = request.topVia();
        if (top == null || !top.hasRfc3261Branch()) {
            throw new IllegalArgumentException("The request needs a top Via with a " + Via.MAGIC_COOKIE + " branch");
        }
        TransactionShard home = homeOf(request.callId());
        ClientTransaction transaction = request.isMethod(SipMethod.INVITE)
                ? new InviteClientTransaction(home, request, destination, listener)
                : new NonInviteClientTransaction(home, request, destination, listener);
        home.run(() -> home.startClient(transaction));
        return transaction;
    }

    /**
     * The INVITE server transaction a CANCEL refers to (RFC 3261 §9.2), or {@code null}. Must be
     * called on the CANCEL's shard, as {@link TransactionUser#onRequest} is.
     *
     * @throws IllegalStateException if called from another thread
     */
    public InviteServerTransaction findInviteServerTransaction(SipRequest cancel) {
        TransactionShard home = homeOf(cancel.callId());
        if (!home.shard.inShard()) {
            throw new IllegalStateException("Not on the shard of Call-ID " + cancel.callId());
        }
        return (InviteServerTransaction) home.servers.findInvite(cancel);
    }

    /** The shard where the transactions of {@code callId} live. */
    public Shard shardFor(String callId) {
        return homeOf(callId).shard;
    }

    public TransactionCounters counters() {
        return counters;
    }

    /** Entries in all server and client tables; read on the shards' threads for an exact answer. */
    int tableSize() {
        int size = 0;
        for (TransactionShard shard : shards) {
            size += shard.servers.size() + shard.clients.size();
        }
        return size;
    }

    private TransactionShard homeOf(String callId) {
        return shards.get(Math.floorMod(callId.hashCode(), shards.size()));
    }
}
