package org.switchboard.dialplan.plugin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.route.DomainCatalog;
import org.switchboard.core.spi.route.RouteDecision;
import org.switchboard.core.spi.route.RouteRequest;
import org.switchboard.core.spi.route.Router;
import org.switchboard.core.spi.route.Target;
import org.switchboard.dialplan.plan.Call;
import org.switchboard.dialplan.plan.DialPlan;
import org.switchboard.dialplan.plan.Outcome;
import org.switchboard.dialplan.plan.PlanHolder;
import org.switchboard.dialplan.rule.Caller;
import org.switchboard.dialplan.trunks.Trunk;
import org.switchboard.dialplan.trunks.TrunkRouting;

/**
 * The dial plan as the proxy's {@link Router}. An INVITE to a user part in one of our domains (or
 * from one of our authenticated users) is decided by that domain's plan, read once per call from
 * the {@link PlanHolder}; the plan's targets are then reached through the default router (the
 * registered contacts of a user, RFC 3263 for other domains), with the rewritten number as the new
 * Request-URI (RFC 3261 §16.5). Other requests, and domains without rules, route as without a plan.
 *
 * <p>Threading: as {@link Router}; decides from memory. Thread-safe.
 */
public final class DialPlanRouter implements Router {
    private static final Logger LOG = LoggerFactory.getLogger(DialPlanRouter.class);

    private final PlanHolder plans;
    private final Router local;
    private final DomainCatalog domains;
    private final Clock clock;
    private final TrunkRouting trunks;

    /**
     * @param local the default router, which reaches the plan's targets
     * @param clock for schedules
     */
    public DialPlanRouter(PlanHolder plans, Router local, DomainCatalog domains, Clock clock) {
        this(plans, local, domains, clock, null);
    }

    /**
     * @param trunks the trunks, or {@code null} for none: calls from a trunk are decided by the plan
     *     of the trunk's domain, and targets {@code trunk:NAME} go to the trunk
     */
    public DialPlanRouter(PlanHolder plans, Router local, DomainCatalog domains, Clock clock, TrunkRouting trunks) {
        this.plans = plans;
        this.local = local;
        this.domains = domains;
        this.clock = clock;
        this.trunks = trunks;
    }

    @Override
    public CompletionStage<RouteDecision> route(RouteRequest routed) {
        SipRequest request = routed.request();
        String scheme = request.requestUriScheme();
        if (!request.isMethod(SipMethod.INVITE)
                || !("sip".equalsIgnoreCase(scheme) || "sips".equalsIgnoreCase(scheme))) {
            return local.route(routed);
        }
        SipUri uri = request.sipRequestUri();
        Trunk trunk = trunks == null || uri.user() == null ? null : trunks.inbound(routed);
        if (trunk != null) {
            return fromTrunk(routed, trunk);
        }
        AddressOfRecord authenticated = routed.authenticatedCaller();
        String host = uri.host().toLowerCase(Locale.ROOT);
        String domain = domains.isLocalDomain(host) ? host : authenticated != null ? authenticated.host() : null;
        DialPlan plan = plans.current();
        if (uri.user() == null || domain == null || !plan.hasRules(domain)) {
            return local.route(routed);
        }
        Caller caller = new Caller(authenticated, authenticated != null ? authenticated.user() : fromUser(request),
                plan.permissionClassOf(authenticated));
        Outcome outcome = plan.evaluate(new Call(domain, uri.user(), host, caller, clock.instant()),
                domains::isLocalDomain);
        LOG.debug("Dial plan: {} from {} ({}) to {}: {}", request.callId(), caller.number(),
                caller.permissionClass(), uri.user(), outcome.describe());
        return decided(routed, uri, caller, outcome);
    }

    /**
     * A call from a trunk: its DID is decided by the plan of the trunk's domain, with the trunk as
     * the caller ({@code trunk:NAME}); without a rule for it, the DID is a user of that domain.
     */
    private CompletionStage<RouteDecision> fromTrunk(RouteRequest routed, Trunk trunk) {
        String domain = trunk.config().domain();
        String did = TrunkRouting.dialled(trunk, routed.request());
        SipUri uri = TrunkRouting.local(did, domain);
        RouteRequest toDomain = retargeted(routed, uri);
        DialPlan plan = plans.current();
        if (!plan.hasRules(domain)) {
            return local.route(toDomain);
        }
        Caller caller = new Caller(null, fromUser(routed.request()), null, trunk.name());
        Outcome outcome = plan.evaluate(new Call(domain, did, domain, caller, clock.instant()), domains::isLocalDomain);
        LOG.debug("Dial plan: {} from trunk {} to DID {}: {}", routed.request().callId(), trunk.name(), did,
                outcome.describe());
        return decided(toDomain, uri, caller, outcome);
    }

    private CompletionStage<RouteDecision> decided(RouteRequest routed, SipUri uri, Caller caller, Outcome outcome) {
        switch (outcome.kind()) {
            case REJECT:
                LOG.info("Dial plan: call from {} to {} rejected: {}", caller.number(), uri.user(),
                        outcome.describe());
                return CompletableFuture.completedFuture(
                        new RouteDecision.Reject(outcome.status(), outcome.reason(), outcome.errorInfo()));
            case REDIRECT:
                return CompletableFuture.completedFuture(
                        RouteDecision.redirect(outcome.targets().stream().map(t -> "<" + t + ">").toList()));
            case DEFAULT:
                return outcome.number().equals(uri.user()) ? local.route(routed)
                        : local.route(retargeted(routed, uri.withUser(outcome.number())));
            default:
                return forward(routed, outcome);
        }
    }

    private static String fromUser(SipRequest request) {
        try {
            String user = request.from().sipUri().user();
            return user == null ? "" : user;
        } catch (SipParseException | IllegalArgumentException e) {
            return "";
        }
    }

    private static RouteRequest retargeted(RouteRequest routed, SipUri target) {
        return new RouteRequest(routed.request().toBuilder().requestUri(target.toString()).build(), routed.flow(),
                routed.authenticatedCaller());
    }

    /**
     * Asks the default router for each target and rings all that it found together; if it found
     * none (no user, nobody registered), its answer for the first target stands.
     */
    private CompletionStage<RouteDecision> forward(RouteRequest routed, Outcome outcome) {
        List<CompletableFuture<RouteDecision>> decisions = new ArrayList<>(outcome.targets().size());
        List<String> toTrunks = new ArrayList<>();
        for (String target : outcome.targets()) {
            if (trunks != null && TrunkRouting.isTrunkTarget(target)) {
                toTrunks.add(target);
                continue;
            }
            SipUri uri;
            try {
                uri = SipUri.parse(target);
            } catch (SipParseException | IllegalArgumentException e) {
                LOG.warn("Dial plan: rule {} gives the target '{}', which is not a SIP URI; skipped",
                        outcome.rule().name(), target);
                continue;
            }
            decisions.add(local.route(retargeted(routed, uri)).toCompletableFuture());
        }
        if (!toTrunks.isEmpty()) {
            List<Target> first = trunks.targets(routed.request().callId(), toTrunks);
            if (!first.isEmpty()) {
                decisions.add(CompletableFuture.completedFuture(RouteDecision.forward(first)));
            }
        }
        if (decisions.isEmpty()) {
            return CompletableFuture.completedFuture(RouteDecision.reject(500, "Dial Plan Target Invalid"));
        }
        return CompletableFuture.allOf(decisions.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Target> targets = new ArrayList<>();
            for (CompletableFuture<RouteDecision> d : decisions) {
                if (d.join() instanceof RouteDecision.Forward f) {
                    targets.addAll(f.allTargets());
                }
            }
            return targets.isEmpty() ? decisions.get(0).join() : RouteDecision.forward(targets);
        });
    }
}
