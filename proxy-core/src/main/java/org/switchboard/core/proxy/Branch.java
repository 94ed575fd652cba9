package org.switchboard.core.proxy;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.HeaderField;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.spi.route.Target;
import org.switchboard.core.transaction.ClientTransaction;
import org.switchboard.core.transaction.ClientTransactionListener;
import org.switchboard.core.transaction.InviteClientTransaction;
import org.switchboard.core.transaction.TimerHandle;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.InboundMessage;

/**
 * One target of a {@link ProxyContext}: finds its next hops, sends the request to the first one
 * that is not known to be down, and fails over to the next on a transport error, a timeout or a 503
 * (RFC 3263 §4.3). Runs Timer C for INVITE (RFC 3261 §16.6 step 11, §16.8), and gives up on a next
 * hop that has not answered an INVITE at all, not even with 100 Trying, within the first-response
 * timeout (see {@link ProxySettings#DEFAULTS}): a stale contact of a rebooted phone, or a dead host,
 * then costs the call seconds instead of Timer B, and a 486 from the user's live phone reaches the
 * caller without waiting for it. That hop is treated as timed out (skipped for a while, next hop
 * tried, else 408), and its INVITE is cancelled should it still answer. Reports provisionals, its
 * final outcome and late 2xx responses to its context.
 *
 * <p>States: resolving → calling (request sent) → proceeding (provisional received) → done (final
 * response, failure, or cancelled). A branch the proxy gives up on ({@link #cancel}) is done for its
 * context at once; a branch the caller cancels ({@link #cancelByCaller}) stays pending until its final
 * response, which goes into the response context (§16.10). A 2xx that comes after the branch is done
 * is passed on all the same.
 *
 * <p>Once the caller has its final response the context lets go of its branches ({@link #release}):
 * a branch whose client transaction still waits for retransmissions then keeps only the route for
 * late 2xx, not the context.
 *
 * <p>Threading: lives on the call's shard; every method runs there.
 */
final class Branch implements ClientTransactionListener {
    private static final Logger LOG = LoggerFactory.getLogger(Branch.class);

    private enum State { RESOLVING, CALLING, PROCEEDING, DONE }

    private final ProxyCore core;
    private final boolean invite;
    private ProxyContext owner;
    private Target target;
    private LateSuccessRoute lateSuccess;
    private State state = State.RESOLVING;
    private boolean cancelledByCaller;
    private List<Destination> hops = List.of();
    private int hopIndex = -1;
    private String currentBranch;
    private Destination currentHop;
    private long sentAtMillis;
    private ClientTransaction transaction;
    private TimerHandle timerC;
    private TimerHandle firstResponseTimer;
    private int lastFailure = 503;
    private boolean challengeAnswered;

    Branch(ProxyContext owner, Target target, ProxyCore core) {
        this.owner = owner;
        this.target = core.relay().target(target, owner.request()); // the target stage
        this.core = core;
        this.invite = owner.request().isMethod(SipMethod.INVITE);
    }

    void start() {
        core.nextHops().of(owner.request(), target).whenComplete(
                (resolved, error) -> owner.shard().execute(() -> onResolved(resolved, error)));
    }

    private void onResolved(List<Destination> resolved, Throwable error) {
        if (state != State.RESOLVING) {
            return; // cancelled while resolving
        }
        if (error != null) {
            LOG.warn("Cannot resolve the next hop for {} (Call-ID {}): {}", target.uri(), owner.request().callId(),
                    error.toString());
            fail(503, "Service Unavailable");
            return;
        }
        if (resolved.isEmpty()) {
            LOG.info("No address for {} (Call-ID {})", target.uri(), owner.request().callId());
            fail(404, "Not Found");
            return;
        }
        hops = resolved;
        tryNextHop();
    }

    /**
     * Sends to the next hop that this host may use ({@link OwnHostHops}) and that is not marked
     * unavailable; fails the branch when none is left.
     */
    private void tryNextHop() {
        while (++hopIndex < hops.size()) {
            Destination hop = hops.get(hopIndex);
            int refused = core.ownHost().refusal(hop, owner.mayEnterOwnHost(target));
            if (refused != OwnHostHops.ALLOWED) {
                LOG.info("Not forwarding {} from {} to {} at {}: {}", owner.request().method(),
                        owner.request().from().uri(), target.uri(), hop, OwnHostHops.why(refused));
                lastFailure = refused;
                continue;
            }
            int down = core.unavailable().statusOf(hop);
            if (down == 0) {
                send(hop);
                return;
            }
            LOG.debug("Skipping unavailable next hop {} for {}", hop, target.uri());
            lastFailure = down;
        }
        fail(lastFailure, reasonPhrase(lastFailure));
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 408 -> "Request Timeout";
            case 403, 482 -> OwnHostHops.reasonPhrase(status);
            default -> "Service Unavailable";
        };
    }

    private void send(Destination hop) {
        String branch = core.loops().newBranch(owner.loopHash());
        transmit(hop, branch, core.relay().copy(owner.forwardedRequest(target, hop, branch), target, hop));
    }

    private void transmit(Destination hop, String branch, SipRequest forwarded) {
        state = State.CALLING;
        currentBranch = branch;
        currentHop = hop;
        sentAtMillis = core.unavailable().now();
        if (invite) {
            restartTimerC();
            cancelFirstResponseTimer();
            firstResponseTimer = owner.shard().schedule(this::onNoFirstResponse,
                    core.times().get().firstResponseTimeout().toMillis());
        }
        ClientTransaction tx = core.transactions().get().sendRequest(forwarded, hop, this);
        if (branch.equals(currentBranch)) {
            transaction = tx; // unless a refusal reported synchronously moved on to the next hop
        }
    }

    private boolean isCurrent(ClientTransaction tx) {
        return tx.branch().equals(currentBranch);
    }

    @Override
    public void onResponse(ClientTransaction tx, InboundMessage inbound) {
        SipResponse response = (SipResponse) inbound.message();
        if (!isCurrent(tx)) {
            return;
        }
        core.unavailable().heardFrom(tx.destination());
        cancelFirstResponseTimer();
        if (state == State.DONE) {
            if (response.isSuccess()) {
                onLateSuccess(response); // RFC 6026: every 2xx reaches the caller
            }
            return;
        }
        if (response.isProvisional()) {
            state = State.PROCEEDING;
            if (response.statusCode() > 100) {
                restartTimerC(); // §16.7 step 2: only provisionals above 100 reset Timer C
            }
            owner.onProvisional(response);
            return;
        }
        if ((response.statusCode() == 401 || response.statusCode() == 407) && !challengeAnswered
                && !cancelledByCaller && answerChallenge(response)) {
            return;
        }
        if (response.statusCode() == 503 && state == State.CALLING && !cancelledByCaller
                && hopIndex + 1 < hops.size()) {
            LOG.info("{} answered 503 to {}; trying the next hop", tx.destination(), tx.method());
            lastFailure = 503;
            tryNextHop(); // RFC 3263 §4.3
            return;
        }
        finish();
        owner.onFinal(this, response);
    }

    /**
     * A 401 or 407 to a target the proxy holds credentials for (a trunk, through the target stage):
     * the proxy acts as the client for this branch. RFC 3261 §16.7 step 8 has a proxy collect a
     * challenge into the response for the caller, who would then authenticate to the trunk itself;
     * but the caller has no trunk credentials, which the server keeps. So, for this branch only, the
     * proxy does what §22.2 and §22.3 ask of a UAC: a new client transaction to the same hop with a
     * new branch, the same Call-ID, the CSeq increased and Authorization or Proxy-Authorization. The
     * 401/407 transaction has been ACKed by its client transaction (§17.1.1.3); the caller sees none
     * of it, only the new transaction's responses, whose CSeq the target stage's relay hook gives back
     * the caller's number (and likewise for the later requests of the dialog). One attempt per
     * branch: a second challenge (wrong credentials) goes to the caller as a failure.
     */
    private boolean answerChallenge(SipResponse challenge) {
        challengeAnswered = true;
        String branch = core.loops().newBranch(owner.loopHash());
        SipRequest answered = core.relay().answerChallenge(owner.forwardedRequest(target, currentHop, branch),
                challenge, target, currentHop);
        if (answered == null) {
            return false;
        }
        LOG.debug("{} answered {} to {} (Call-ID {}); sending it again with credentials", currentHop,
                challenge.statusCode(), owner.request().method(), owner.request().callId());
        currentBranch = branch; // the challenged transaction no longer counts
        // after this task, in which the challenged transaction sends its ACK (§17.1.1.3), so the
        // next hop sees the ACK before the new INVITE
        owner.shard().execute(() -> {
            if (state == State.DONE) {
                return;
            }
            if (cancelledByCaller) {
                failCancelled();
                return;
            }
            transmit(currentHop, branch, answered);
        });
        return true;
    }

    private void onLateSuccess(SipResponse response) {
        if (owner != null) {
            owner.onLateSuccess(response);
        } else if (lateSuccess != null) {
            lateSuccess.forward(response);
        }
    }

    @Override
    public void onTimeout(ClientTransaction tx) {
        if (!isCurrent(tx)) {
            return;
        }
        LOG.info("No response from {} to {} (Call-ID {})", tx.destination(), tx.method(), tx.callId());
        // also when the branch was cancelled meanwhile; not when the hop answered anything since
        core.unavailable().markSilent(tx.destination(), sentAtMillis);
        if (state == State.DONE) {
            return;
        }
        if (cancelledByCaller) {
            failCancelled();
            return;
        }
        lastFailure = 408;
        tryNextHop();
    }

    /**
     * Nothing at all came back from the current hop in time. RFC 3261 §16.7 step 10 lets a proxy
     * give up on a branch; the CANCEL is held by the transaction until a provisional, so it goes out
     * only if the hop turns out to be alive after all.
     */
    private void onNoFirstResponse() {
        firstResponseTimer = null;
        if (state != State.CALLING) {
            return;
        }
        LOG.info("No response at all from {} to INVITE within {} ms (Call-ID {}); giving up on it", currentHop,
                core.times().get().firstResponseTimeout().toMillis(), owner.request().callId());
        // as after Timer B: only a hop silent since the INVITE went out is skipped for a while
        core.unavailable().markSilent(currentHop, sentAtMillis);
        sendCancel(List.of());
        if (cancelledByCaller) {
            failCancelled();
            return;
        }
        lastFailure = 408;
        tryNextHop();
    }

    @Override
    public void onTransportError(ClientTransaction tx, Throwable cause) {
        if (!isCurrent(tx) || state == State.DONE) {
            return;
        }
        LOG.info("Cannot send {} to {}: {}", tx.method(), tx.destination(), cause.toString());
        core.unavailable().mark(tx.destination(), 503);
        lastFailure = 503;
        if (cancelledByCaller) {
            failCancelled();
        } else if (state == State.CALLING) {
            tryNextHop();
        } else {
            fail(503, "Service Unavailable");
        }
    }

    @Override
    public void onTerminated(ClientTransaction tx) {
        if (isCurrent(tx) && state != State.DONE && cancelledByCaller) {
            // §9.1: no final response 64*T1 after our CANCEL; the INVITE counts as cancelled
            failCancelled();
        }
    }

    /**
     * Gives up on the branch (RFC 3261 §16.7 step 10, timeouts): a CANCEL with {@code reason} goes out
     * once the INVITE has a provisional (the transaction holds it until then). The branch is done from
     * now on; its final response no longer counts.
     */
    void cancel(List<HeaderField> reason) {
        if (state == State.DONE) {
            return;
        }
        finish();
        sendCancel(reason);
    }

    /**
     * The caller cancelled (RFC 3261 §16.10): a CANCEL goes out as for {@link #cancel}, and the branch
     * stays pending until its final response, normally a 487, which the context takes as any other.
     * One that never comes counts as 487: when the CANCEL's wait of 64*T1 ends the client transaction
     * (§9.1), when Timer B or C fires, or when sending fails; a branch with nothing sent yet is done
     * with 487 at once. It is never failed over to another hop.
     */
    void cancelByCaller() {
        if (state == State.DONE || cancelledByCaller) {
            return;
        }
        cancelledByCaller = true;
        if (state == State.RESOLVING) {
            failCancelled();
        } else {
            sendCancel(List.of());
        }
    }

    private void sendCancel(List<HeaderField> reason) {
        if (transaction instanceof InviteClientTransaction inviteTransaction) {
            Destination hop = inviteTransaction.destination();
            inviteTransaction.cancel(reason, CancelResponses.INSTANCE, cancel -> core.relay().request(cancel, hop));
        }
    }

    /**
     * The caller has its final response: the context, its request and targets are no longer needed.
     * Further 2xx go along {@code late}, or nowhere when it is {@code null} (requests other than INVITE,
     * which have one final response only).
     */
    void release(LateSuccessRoute late) {
        owner = null;
        target = null;
        hops = List.of();
        currentHop = null;
        lateSuccess = late;
    }

    private void failCancelled() {
        fail(487, "Request Terminated");
    }

    private void fail(int statusCode, String reasonPhrase) {
        finish();
        owner.onFailed(this, statusCode, reasonPhrase);
    }

    private void finish() {
        state = State.DONE;
        cancelFirstResponseTimer();
        if (timerC != null) {
            timerC.cancel();
            timerC = null;
        }
    }

    private void cancelFirstResponseTimer() {
        if (firstResponseTimer != null) {
            firstResponseTimer.cancel();
            firstResponseTimer = null;
        }
    }

    private void restartTimerC() {
        if (timerC != null) {
            timerC.cancel();
        }
        timerC = owner.shard().schedule(this::onTimerC, core.times().get().timerC().toMillis());
    }

    /** §16.8: Timer C fired; the context cancels the branch and counts it as 408. */
    private void onTimerC() {
        if (state == State.DONE) {
            return;
        }
        LOG.info("Timer C fired for {} at {} (Call-ID {})", target.uri(), currentHop, owner.request().callId());
        if (cancelledByCaller) {
            failCancelled();
        } else {
            owner.onTimerC(this);
        }
    }

    /** Receives the responses to our CANCELs, which need no action (RFC 3261 §16.10). */
    private enum CancelResponses implements ClientTransactionListener {
        INSTANCE;

        @Override
        public void onResponse(ClientTransaction tx, InboundMessage response) {
            LOG.debug("CANCEL answered {} by {}", ((SipResponse) response.message()).statusCode(), tx.destination());
        }

        @Override
        public void onTimeout(ClientTransaction tx) {
            LOG.debug("CANCEL to {} timed out", tx.destination());
        }

        @Override
        public void onTransportError(ClientTransaction tx, Throwable cause) {
            LOG.debug("CANCEL to {} not sent: {}", tx.destination(), cause.toString());
        }

        @Override
        public void onTerminated(ClientTransaction tx) {
            // nothing is kept for a CANCEL
        }
    }
}
