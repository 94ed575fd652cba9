package org.switchboard.core.transaction;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.log.RateLimitedLog;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.EncodedResponse;
import org.switchboard.core.transport.InboundMessage;
import org.switchboard.core.transport.SipSender;

/**
 * One shard's slice of the transaction layer: its tables, and the routing of the messages whose
 * Call-ID hashes to it. Every method except {@link #run} must be called on the shard's thread.
 */
final class TransactionShard {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionShard.class);
    /** Shared by all shards: an admin needs one line, not one per shard. */
    private static final RateLimitedLog SERVER_TABLE_FULL = RateLimitedLog.of(LOG, RateLimitedLog.Level.WARN,
            "Requests answered 503 because the server transaction table was full", Duration.ofSeconds(10));
    private static final RateLimitedLog CLIENT_TABLE_FULL = RateLimitedLog.of(LOG, RateLimitedLog.Level.WARN,
            "Requests not sent because the client transaction table was full", Duration.ofSeconds(10));

    final Shard shard;
    final SipSender sender;
    final TimerSettings timers;
    final TransactionUser user;
    final TransactionCounters counters;
    final ServerTransactionTable servers;
    final ClientTransactionTable clients;
    private final CompletedResponses completed;
    private final ShardTimers timerQueues;
    /** How often kept final responses past Timer J are freed when no traffic does it. */
    private static final long COMPLETED_SWEEP_MILLIS = 1_000;

    private final int retryAfterSeconds;
    private boolean completedSweepScheduled;
    private final long tagSalt;

    TransactionShard(Shard shard, SipSender sender, TimerSettings timers, TransactionUser user,
            TransactionCounters counters, int capacity, int retryAfterSeconds, long tagSalt,
            long completedResponseBytes) {
        this.shard = shard;
        this.sender = sender;
        this.timers = timers;
        this.user = user;
        this.counters = counters;
        this.servers = new ServerTransactionTable(capacity);
        this.clients = new ClientTransactionTable(capacity);
        this.completed = new CompletedResponses(completedResponseBytes, counters);
        this.timerQueues = new ShardTimers(shard, TransactionShard::guarded);
        this.retryAfterSeconds = retryAfterSeconds;
        this.tagSalt = tagSalt;
    }

    /** Runs {@code task} on this shard: now if already on it, else posted. May be called from any thread. */
    void run(Runnable task) {
        if (shard.inShard()) {
            guarded(task);
        } else {
            shard.execute(() -> guarded(task));
        }
    }

    /**
     * Runs {@code task} on this shard behind whatever is already queued there, even when called on
     * the shard itself. May be called from any thread.
     */
    void post(Runnable task) {
        shard.execute(() -> guarded(task));
    }

    /** Runs {@code task} on this shard after {@code delayMillis}; call on the shard. */
    TimerHandle after(long delayMillis, Runnable task) {
        return timerQueues.start(delayMillis, task);
    }

    static void cancel(TimerHandle timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    /** Calls the layer above, so that its failure cannot leave a state machine half-way. */
    void callUser(Runnable call) {
        guarded(call);
    }

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("Transaction task failed", e);
        }
    }

    void dispatch(InboundMessage inbound) {
        try {
            if (inbound.message() instanceof SipRequest request) {
                onRequest(request, inbound);
            } else {
                onResponse((SipResponse) inbound.message(), inbound);
            }
        } catch (SipParseException e) {
            LOG.debug("Dropped message from {}: {}", inbound.flow(), e.getMessage());
        }
    }

    private void onRequest(SipRequest request, InboundMessage inbound) {
        if (request.isMethod(SipMethod.ACK)) {
            ServerTransaction owner = servers.findForAck(request);
            if (owner instanceof InviteServerTransaction invite) {
                invite.onAck(inbound);
            } else {
                callUser(() -> user.onAck(inbound));
            }
            return;
        }
        ServerTransactionKey key = ServerTransactionKey.of(request);
        ServerTransaction existing = servers.find(key);
        if (existing != null) {
            existing.onRetransmission();
            return;
        }
        if (key instanceof ServerTransactionKey.Branch branchKey && answeredFromCompleted(branchKey)) {
            return;
        }
        if (servers.isFull()) {
            rejectStatelessly(request, inbound);
            return;
        }
        ServerTransaction created = request.isMethod(SipMethod.INVITE)
                ? new InviteServerTransaction(this, request, key, inbound.flow())
                : new NonInviteServerTransaction(this, request, key, inbound.flow());
        servers.add(created);
        counters.added(created.kind());
        created.start();
        callUser(() -> user.onRequest(created, inbound));
    }

    /**
     * Keeps a final response to answer retransmissions until {@code expiresAt}; see {@link
     * CompletedResponses#keep}.
     */
    boolean keepCompleted(ServerTransactionKey.Branch key, EncodedResponse response, long expiresAt) {
        if (!completed.keep(key, response, shard.nowMillis(), expiresAt)) {
            return false;
        }
        if (!completedSweepScheduled) {
            completedSweepScheduled = true;
            after(COMPLETED_SWEEP_MILLIS, this::sweepCompleted);
        }
        return true;
    }

    private void sweepCompleted() {
        completed.expire(shard.nowMillis());
        if (completed.size() > 0) {
            after(COMPLETED_SWEEP_MILLIS, this::sweepCompleted);
        } else {
            completedSweepScheduled = false;
        }
    }

    /** A retransmission of a request whose transaction completed and handed its response to {@link #completed}. */
    private boolean answeredFromCompleted(ServerTransactionKey.Branch key) {
        EncodedResponse kept = completed.find(key, shard.nowMillis());
        if (kept == null) {
            return false;
        }
        counters.retransmissionAbsorbed();
        // the transaction user heard of the end already; a failed resend only matters to the log
        sender.sendResponse(kept, cause -> LOG.warn("Could not resend the {} for Call-ID {} to {}: {}", kept,
                kept.callId(), kept.destination(), cause.toString()));
        return true;
    }

    /** RFC 3261 §21.5.4 / RFC 3261 §8.2.7: a stateless 503 whose To tag is the same for retransmissions. */
    private void rejectStatelessly(SipRequest request, InboundMessage inbound) {
        counters.rejected();
        SERVER_TABLE_FULL.occurred(() -> request.method() + " from " + inbound.flow().remote() + " (Call-ID "
                + request.callId() + "), " + servers.size() + " transactions on its shard");
        SipResponse busy = SipResponse.builderFor(request, 503, "Service Unavailable")
                .toTag(statelessTag(request))
                .add(HeaderName.RETRY_AFTER, Integer.toString(retryAfterSeconds))
                .build();
        sender.sendResponse(busy, inbound.flow(), SipSender.TransportErrorListener.IGNORE);
    }

    private String statelessTag(SipRequest request) {
        long hash = Objects.hash(request.callId(), request.from().tag(), request.cseq().number(),
                request.topVia().branch());
        return Long.toHexString(tagSalt ^ (hash * 0x9E3779B97F4A7C15L));
    }

    private void onResponse(SipResponse response, InboundMessage inbound) {
        ClientTransaction owner = clients.find(response);
        if (owner != null) {
            owner.onResponse(inbound);
        } else {
            callUser(() -> user.onStrayResponse(inbound));
        }
    }

    /** Puts a new client transaction in the table and sends its request, or refuses it. */
    void startClient(ClientTransaction transaction) {
        if (clients.isFull()) {
            counters.rejected();
            CLIENT_TABLE_FULL.occurred(() -> transaction + ", " + clients.size() + " transactions on its shard");
            transaction.refuse(new RejectedExecutionException("Client transaction table full"));
        } else if (clients.contains(transaction)) {
            transaction.refuse(new IllegalStateException("Branch already in use: " + transaction.branch()));
        } else {
            clients.add(transaction);
            counters.added(transaction.kind());
            transaction.start();
        }
    }

    void removeServer(ServerTransaction transaction) {
        servers.remove(transaction);
        counters.removed(transaction.kind());
    }

    void removeClient(ClientTransaction transaction) {
        clients.remove(transaction);
        counters.removed(transaction.kind());
    }
}
