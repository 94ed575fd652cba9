package org.switchboard.core.proxy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.HeaderField;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.ResponseProcessor;
import org.switchboard.core.spi.event.SwitchboardEvent;
import org.switchboard.core.spi.route.RouteDecision;
import org.switchboard.core.spi.route.RouteRequest;
import org.switchboard.core.spi.route.Target;
import org.switchboard.core.transaction.Shard;
import org.switchboard.core.transaction.TimerHandle;
import org.switchboard.core.transport.Destination;

/**
 * The forwarding state of one server transaction (RFC 3261 §16): its {@link TargetSet}, a {@link
 * Branch} per target started group by group (parallel within a q-value, sequential between), and
 * the {@link ResponseSelector}. Provisionals above 100 go to the caller at once, every 2xx too; the
 * first 2xx or a 6xx cancels the other branches (RFC 3326 Reason); a 3xx is followed when
 * configured (with a 181 to the caller); when no branch is left the best response goes out.
 * Timers: a group timeout moves on to the next q-value group; the ring timeout ends the search; a
 * branch's Timer C counts it as 408. A CANCEL from the caller ends the search and cancels every
 * pending branch; their final responses (487) then make the caller's as any others (§16.10).
 *
 * <p>Once the caller has its final response the context is done: its branches let go of it, keeping
 * only a {@link LateSuccessRoute} for further 2xx (RFC 6026), so that the request, the targets and
 * the response context are not kept while the client transactions wait out their timers.
 *
 * <p>Threading: lives on the call's shard; every method runs there, so responses of one
 * transaction leave in the order they came.
 */
final class ProxyContext {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyContext.class);
    private static final List<HeaderField> COMPLETED_ELSEWHERE = List.of(HeaderField.of(HeaderName.REASON,
            "SIP;cause=200;text=\"Call completed elsewhere\""));

    private final ProxyCore core;
    private final RequestContext server;
    private final SipRequest request;
    private final boolean recordRoute;
    private final boolean vouched;
    private final boolean initialInvite;
    private final String loopHash;
    private final TargetSet targets;
    private final ArrayDeque<RouteDecision.TargetGroup> laterGroups;
    private Duration ringTime;
    private int redirectsRouting;
    private final ResponseSelector selector = new ResponseSelector();
    private final List<Branch> started = new ArrayList<>();
    private final List<Branch> pending = new ArrayList<>();
    private boolean changingBranches;
    private boolean finalSent;
    private boolean cancelled;
    private boolean searchEnded;
    private boolean globalFailure;
    private int redirectsFollowed;
    private TimerHandle groupTimer;
    private TimerHandle ringTimer;

    /**
     * @param request the request after route preprocessing and authentication
     * @param recordRoute whether to Record-Route (initial requests that create a dialog)
     * @param vouched whether the proxy vouches for the sender ({@link SenderTrust}), who may then
     *     name next hops on this host
     * @param loopHash the loop-detection hash of the request as received
     * @param first the targets to try first, with their ring time
     * @param later the router's further groups and fallback, tried in order once the ones before failed
     */
    ProxyContext(ProxyCore core, RequestContext server, SipRequest request, boolean recordRoute, boolean vouched,
            String loopHash, RouteDecision.TargetGroup first, List<RouteDecision.TargetGroup> later) {
        this.core = core;
        this.server = server;
        this.request = request;
        this.recordRoute = recordRoute;
        this.vouched = vouched;
        this.loopHash = loopHash;
        this.initialInvite = request.isMethod(SipMethod.INVITE) && request.to().tag() == null;
        this.targets = new TargetSet(first.targets());
        this.ringTime = first.ringTime();
        this.laterGroups = later.isEmpty() ? null : new ArrayDeque<>(later);
    }

    SipRequest request() {
        return request;
    }

    String loopHash() {
        return loopHash;
    }

    Shard shard() {
        return server.transaction().shard();
    }

    /**
     * §16.6: starts the first group of targets, and for INVITE the ring timer. An INVITE is answered
     * 100 Trying at once (RFC 3261 §16.2, §17.2.1): its answer takes at least a round trip to the
     * next hop, and the caller then stops retransmitting the INVITE, whatever becomes of the 180 on a
     * lossy network.
     */
    void start() {
        if (isInvite()) {
            server.respond(server.responseBuilder(100, "Trying").build());
            startRingTimer();
        }
        if (initialInvite) {
            core.events().publish(new SwitchboardEvent.CallStarted(core.clock().instant(), request.callId(),
                    request.from().tag(), request.from().uri(), request.to().uri()));
        }
        startNextGroup();
    }

    private boolean isInvite() {
        return request.isMethod(SipMethod.INVITE);
    }

    /**
     * Whether the next hops of {@code target} may be another port of this host ({@link
     * OwnHostHops}): when the sender is vouched for, or when the server chose the hop rather than
     * the sender — a route set from a registration's Path or the router, a registration's flow,
     * a Request-URI the router put in. The sender chose it when the request's own Route leads
     * (§16.6 step 6-7), or when the target is the Request-URI as received.
     */
    boolean mayEnterOwnHost(Target target) {
        if (vouched || !target.routeSet().isEmpty()) {
            return true;
        }
        if (!request.routes().isEmpty()) {
            return false;
        }
        return target.flow() != null || !target.uri().equals(request.sipRequestUri());
    }

    SipRequest forwardedRequest(Target target, Destination hop, String branch) {
        return core.forwarder().build(request, target, recordRoute, server.flow(), hop, branch);
    }

    private void startNextGroup() {
        cancelTimer(groupTimer);
        List<Target> group = targets.nextGroup();
        if (group.isEmpty()) {
            afterBranchEnded();
            return;
        }
        LOG.debug("Forking {} (Call-ID {}) to {}", request.method(), request.callId(), group);
        startBranches(group);
        if (isInvite() && targets.hasPending() && !finalSent) {
            Duration groupTime = core.times().get().groupTimeout();
            groupTimer = shard().schedule(this::onGroupTimeout, groupTime.toMillis());
        }
    }

    private void startBranches(List<Target> group) {
        changingBranches = true;
        try {
            for (Target target : group) {
                Branch branch = new Branch(this, target, core);
                started.add(branch);
                pending.add(branch);
                branch.start();
            }
        } finally {
            changingBranches = false;
        }
        afterBranchEnded();
    }

    /** §16.7 step 5: a provisional above 100 goes to the caller; 100 stays here. */
    void onProvisional(SipResponse response) {
        if (!finalSent && response.statusCode() > 100) {
            server.respond(relayed(withoutOurVia(response)));
        }
    }

    /** A branch's final response; the branch is done. */
    void onFinal(Branch branch, SipResponse response) {
        pending.remove(branch);
        int status = response.statusCode();
        if (response.isSuccess()) {
            forwardSuccess(response);
            return;
        }
        SipResponse upstream = withoutOurVia(response);
        if (status < 400 && core.times().get().followRedirects() && !searchEnded) {
            followRedirect(upstream);
        } else {
            selector.add(upstream);
        }
        if (status >= 600) {
            // §16.7 step 6 / §16.7 step 10: a 6xx ends the search; cancel what still rings
            searchEnded = true;
            globalFailure = true;
            cancelPending(List.of(HeaderField.of(HeaderName.REASON,
                    "SIP;cause=" + status + ";text=\"" + response.reasonPhrase().replace("\"", "") + "\"")));
        }
        afterBranchEnded();
    }

    /** A branch ended without a response (timeouts, transport errors, nothing to resolve, cancelled). */
    void onFailed(Branch branch, int statusCode, String reasonPhrase) {
        pending.remove(branch);
        selector.addOutcome(statusCode, reasonPhrase);
        afterBranchEnded();
    }

    /** A 2xx from a branch the proxy gave up on, before the caller has a final response. */
    void onLateSuccess(SipResponse response) {
        forwardSuccess(response);
    }

    /** §16.8: Timer C fired on a branch: cancel it, count it as 408. */
    void onTimerC(Branch branch) {
        branch.cancel(List.of());
        onFailed(branch, 408, "Request Timeout");
    }

    /**
     * §16.10: the caller cancelled: no new branches, and every pending branch is cancelled. The
     * caller's final response comes from theirs as usual (§16.7): the best one, normally 487, once
     * the last has ended, or a 2xx that crossed the CANCEL. The group and ring timeouts have nothing
     * left to do; each cancelled branch ends by itself within 64*T1 (see {@link Branch#cancelByCaller}).
     */
    void cancelByCaller() {
        if (finalSent || cancelled) {
            return;
        }
        LOG.debug("Caller cancelled {} (Call-ID {})", request.method(), request.callId());
        cancelled = true;
        searchEnded = true;
        cancelTimers();
        changingBranches = true;
        try {
            for (Branch branch : List.copyOf(pending)) {
                branch.cancelByCaller();
            }
        } finally {
            changingBranches = false;
        }
        afterBranchEnded();
    }

    /**
     * §16.7 step 5: the first 2xx is the caller's final response; it ends the search and cancels the
     * other branches. Later 2xx reach the caller through the branches' {@link LateSuccessRoute}.
     */
    private void forwardSuccess(SipResponse response) {
        finalSent = true;
        searchEnded = true;
        cancelTimers();
        server.respond(relayed(withoutOurVia(response)));
        cancelPending(COMPLETED_ELSEWHERE);
        if (initialInvite) {
            core.events().publish(new SwitchboardEvent.CallAnswered(core.clock().instant(), request.callId()));
        }
        LOG.debug("{} (Call-ID {}) answered {}", request.method(), request.callId(), response.statusCode());
        release();
    }

    /**
     * §16.7 step 4 and §16.5: the SIP contacts of a 3xx become new targets, routed like the request
     * itself and started at once; the 3xx is kept as a candidate only if nothing could be followed.
     */
    private void followRedirect(SipResponse response) {
        List<CompletableFuture<RouteDecision>> routings = new ArrayList<>();
        int maxRedirects = core.times().get().maxRedirects();
        if (redirectsFollowed < maxRedirects) {
            redirectsFollowed++;
            for (NameAddr contact : response.contacts()) {
                if (contact.isSip()) {
                    routings.add(routeRedirect(contact));
                }
            }
        } else {
            LOG.info("Not following another redirect for {} (Call-ID {}): limit of {} reached", request.requestUri(),
                    request.callId(), maxRedirects);
        }
        if (routings.isEmpty()) {
            selector.add(response);
            return;
        }
        // the router may decide later; the context waits for it as for a branch
        redirectsRouting++;
        CompletableFuture<?>[] all = routings.toArray(new CompletableFuture<?>[0]);
        CompletableFuture.allOf(all).whenComplete((done, error) -> onShard(() -> redirectRouted(response, routings)));
    }

    private CompletableFuture<RouteDecision> routeRedirect(NameAddr contact) {
        SipRequest redirected = request.toBuilder().requestUri(contact.sipUri().withoutHeaders().toString()).build();
        try {
            return core.router().route(new RouteRequest(redirected, server.flow(), server.authenticatedCaller()))
                    .toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The router has decided on the contacts of a 3xx: their targets start, or the 3xx is a candidate. */
    private void redirectRouted(SipResponse response, List<CompletableFuture<RouteDecision>> routings) {
        redirectsRouting--;
        List<Target> added = new ArrayList<>();
        if (!searchEnded && !finalSent) {
            for (CompletableFuture<RouteDecision> routing : routings) {
                RouteDecision decision = routing.isCompletedExceptionally() ? null : routing.join();
                if (decision instanceof RouteDecision.Forward forward) {
                    for (Target t : forward.allTargets()) {
                        if (targets.admit(t)) {
                            added.add(t);
                        }
                    }
                }
            }
        }
        if (added.isEmpty()) {
            if (!finalSent) {
                selector.add(response);
            }
            afterBranchEnded();
            return;
        }
        if (isInvite()) {
            server.respond(server.responseBuilder(181, "Call Is Being Forwarded").build());
        }
        startBranches(added);
    }

    private void onShard(Runnable task) {
        if (shard().inShard()) {
            task.run();
        } else {
            shard().execute(task);
        }
    }

    private void onGroupTimeout() {
        if (searchEnded || finalSent) {
            return;
        }
        LOG.debug("Group timeout for {} (Call-ID {}); trying the next q-value", request.requestUri(),
                request.callId());
        timeOutPending();
        startNextGroup();
    }

    private void onRingTimeout() {
        if (finalSent) {
            return;
        }
        LOG.debug("Ring timeout for {} (Call-ID {})", request.requestUri(), request.callId());
        searchEnded = true;
        timeOutPending();
        afterBranchEnded();
    }

    /** Cancels every pending branch and counts each as 408. */
    private void timeOutPending() {
        for (Branch branch : List.copyOf(pending)) {
            branch.cancel(List.of());
            selector.addOutcome(408, "Request Timeout");
        }
        pending.clear();
    }

    private void cancelPending(List<HeaderField> reason) {
        for (Branch branch : List.copyOf(pending)) {
            branch.cancel(reason);
        }
        pending.clear();
    }

    /** Moves on once a branch ended: the next group, or the best response when nothing is left. */
    private void afterBranchEnded() {
        if (changingBranches || !pending.isEmpty() || redirectsRouting > 0 || finalSent) {
            return;
        }
        if (!searchEnded && targets.hasPending()) {
            startNextGroup();
            return;
        }
        if (startNextRouteGroup()) {
            return;
        }
        SipResponse best = selector.best(server);
        if (addTargetsAfterFailure(best)) {
            return;
        }
        sendFinal(best);
    }

    /**
     * The router's next group (or fallback), once the ones before failed or their ring time ended;
     * not after the caller cancelled, a 6xx or a 2xx. Each group rings for its own time.
     */
    private boolean startNextRouteGroup() {
        if (laterGroups == null || cancelled || globalFailure) {
            return false;
        }
        RouteDecision.TargetGroup group;
        while ((group = laterGroups.poll()) != null) {
            if (targets.add(group.targets())) {
                LOG.debug("{} (Call-ID {}): next target group {}", request.method(), request.callId(), group);
                searchEnded = false;
                ringTime = group.ringTime();
                if (isInvite()) {
                    startRingTimer();
                }
                startNextGroup();
                return true;
            }
        }
        return false;
    }

    private void startRingTimer() {
        cancelTimer(ringTimer);
        Duration time = ringTime != null ? ringTime : core.times().get().ringTimeout();
        ringTimer = shard().schedule(this::onRingTimeout, time.toMillis());
    }

    /**
     * §16.7 step 5: before the best response is chosen the proxy may add targets; the response stage
     * does (forward on busy, on no answer). Not after the caller cancelled or a 6xx. New targets get a
     * fresh ring time.
     */
    private boolean addTargetsAfterFailure(SipResponse best) {
        if (core.responses().length == 0 || cancelled || globalFailure || finalSent) {
            return false;
        }
        List<Target> added = new ArrayList<>();
        for (ResponseProcessor processor : core.responses()) {
            for (Target t : processor.onFailure(request, best)) {
                if (targets.admit(t)) {
                    added.add(t);
                }
            }
        }
        if (added.isEmpty()) {
            return false;
        }
        LOG.debug("{} (Call-ID {}) failed with {}; trying added targets {}", request.method(), request.callId(),
                best.statusCode(), added);
        searchEnded = false;
        if (isInvite()) {
            ringTime = null;
            startRingTimer();
        }
        startBranches(added);
        return true;
    }

    private void sendFinal(SipResponse response) {
        finalSent = true;
        cancelTimers();
        SipResponse upstream = relayed(response);
        server.respond(upstream);
        if (initialInvite) {
            core.events().publish(new SwitchboardEvent.CallEnded(core.clock().instant(), request.callId(),
                    SwitchboardEvent.EndReason.NOT_ANSWERED, upstream.statusCode(), null));
        }
        LOG.debug("{} {} (Call-ID {}) answered {}", request.method(), request.requestUri(), request.callId(),
                response.statusCode());
        release();
    }

    /**
     * The caller has its final response and every branch is done: the branches let go of this
     * context, and those of an INVITE keep the route for 2xx still to come (RFC 6026 §7.2).
     */
    private void release() {
        LateSuccessRoute late = isInvite()
                ? new LateSuccessRoute(core.sender(), core.relay(), server.flow(), request.callId())
                : null;
        for (Branch branch : started) {
            branch.release(late);
        }
        started.clear();
    }

    private void cancelTimers() {
        cancelTimer(groupTimer);
        cancelTimer(ringTimer);
    }

    private static void cancelTimer(TimerHandle timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    /** The relay point: every response the caller gets from a branch passes through it. */
    private SipResponse relayed(SipResponse response) {
        return core.relay().response(response, server.flow());
    }

    /** §16.7 step 3: the topmost Via is ours; the caller must not see it. */
    static SipResponse withoutOurVia(SipResponse response) {
        return response.toBuilder().removeFirstValue(HeaderName.VIA).build();
    }
}
