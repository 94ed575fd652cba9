package org.switchboard.dialplan.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
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
import org.switchboard.dialplan.groups.Group;
import org.switchboard.dialplan.groups.GroupDecision;
import org.switchboard.dialplan.target.Targets;

/**
 * Call features in front of the dial plan, for INVITEs to a user part in one of our domains: a
 * feature code dialled by an authenticated user changes that user's own features and is answered
 * by the server; a group's number rings its members; a user's forwarding, do-not-disturb,
 * follow-me and voicemail decide how the user's phones ring and what follows ({@link Treatment},
 * with {@link FailureForwarding} for busy and no answer). Everything else goes to the dial plan
 * unchanged. The user's phones are reached through the dial plan (its rules still apply to the
 * number as dialled); other targets in our domains through the dial plan, those elsewhere through
 * the default router (RFC 3263). A forwarding target's own features do not apply, so forwarding
 * never goes round in circles.
 *
 * <p>Threading: as {@link Router}; decides from memory, except a feature code, which completes
 * once saved on the blocking executor. Thread-safe.
 */
public final class FeatureRouter implements Router {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureRouter.class);

    private final Supplier<FeatureBook> book;
    private final Router plan;
    private final Router local;
    private final DomainCatalog domains;
    private final FailureForwarding failures;
    private final FeatureChanges changes;

    /**
     * @param book the features in force, read once per call
     * @param plan the dial plan's router
     * @param local the default router, for targets in other domains
     */
    public FeatureRouter(Supplier<FeatureBook> book, Router plan, Router local, DomainCatalog domains,
            FailureForwarding failures, FeatureChanges changes) {
        this.book = book;
        this.plan = plan;
        this.local = local;
        this.domains = domains;
        this.failures = failures;
        this.changes = changes;
    }

    @Override
    public CompletionStage<RouteDecision> route(RouteRequest routed) {
        SipRequest request = routed.request();
        String scheme = request.requestUriScheme();
        if (!request.isMethod(SipMethod.INVITE)
                || !("sip".equalsIgnoreCase(scheme) || "sips".equalsIgnoreCase(scheme))) {
            return plan.route(routed);
        }
        SipUri uri = request.sipRequestUri();
        String user = uri.user();
        String domain = uri.host().toLowerCase(Locale.ROOT);
        if (user == null || !domains.isLocalDomain(domain)) {
            return plan.route(routed);
        }
        FeatureBook features = book.get();
        FeatureChange change = features.codes().match(user);
        if (change != null) {
            return featureCode(routed, change);
        }
        Group group = features.group(user, domain);
        if (group != null) {
            return group(routed, group, features);
        }
        Treatment treatment = Treatment.decide(features.user(user, domain),
                features.voicemail().mailbox(user, domain));
        if (treatment == null) {
            return plan.route(routed);
        }
        switch (treatment.kind()) {
            case FORWARD:
                LOG.debug("Call {} to {}@{} forwarded to {}", request.callId(), user, domain, treatment.target());
                return reach(routed, treatment.target(), domain);
            case UNAVAILABLE:
                // RFC 3261 §21.4.18: 480 is the answer for a callee who set do-not-disturb
                return CompletableFuture.completedFuture(RouteDecision.reject(480, "Do Not Disturb"));
            default:
                return ring(routed, treatment, user + "@" + domain, domain);
        }
    }

    /**
     * A feature code changes the authenticated caller's own features, never anyone else's: the
     * caller is who the proxy authenticated, whatever the request names. The answer is a final
     * non-2xx response whose reason phrase says what changed (RFC 3261 §7.2: the phrase is for the
     * human user, and phones show it). Not a 2xx: a 2xx to an INVITE sets up a dialog (RFC 3261
     * §12.1, §13.3.1.4) with a session the server, a proxy without media, could not keep. 480
     * Temporarily Unavailable (§21.4.18) fits a call that reached its end system, which has nobody
     * to put on the line; a phone does not retry it, unlike a 3xx, 401/407 or 484.
     */
    private CompletionStage<RouteDecision> featureCode(RouteRequest routed, FeatureChange change) {
        AddressOfRecord caller = routed.authenticatedCaller();
        if (caller == null) {
            LOG.info("Feature code {} from {} refused: the caller is not authenticated", change.kind(),
                    routed.flow().remote());
            return CompletableFuture.completedFuture(RouteDecision.reject(403, "Feature Codes Need Authentication"));
        }
        if (change.kind() == FeatureChange.Kind.FORWARD_ON) {
            if (change.target().isEmpty()) {
                // RFC 3261 §21.4.22: the phone may send the rest of the number
                return CompletableFuture.completedFuture(RouteDecision.reject(484, "Address Incomplete"));
            }
            if (!Targets.isNumber(change.target())) {
                return CompletableFuture.completedFuture(RouteDecision.reject(404, "Not A Forwarding Target"));
            }
        }
        return changes.apply(caller, change).handle((done, error) -> {
            if (error != null) {
                LOG.warn("Feature code {} of {}@{} not saved: {}", change.kind(), caller.user(), caller.host(),
                        error.getMessage());
                return RouteDecision.reject(500, "Feature Not Saved");
            }
            LOG.info("Feature code from {}@{}: {}", caller.user(), caller.host(), change.describe());
            return RouteDecision.reject(480, change.describe());
        });
    }

    private CompletionStage<RouteDecision> group(RouteRequest routed, Group group, FeatureBook features) {
        List<CompletableFuture<List<Target>>> members = new ArrayList<>();
        for (String member : group.members()) {
            UserCallFeatures memberFeatures = features.user(member, group.domain());
            if (memberFeatures != null && memberFeatures.doNotDisturb()) {
                continue; // do-not-disturb keeps group calls away too
            }
            members.add(targetsOf(routed, member, group.domain()));
        }
        String fallback = group.fallback() == null ? null
                : group.fallback().equalsIgnoreCase(Targets.VOICEMAIL)
                        ? features.voicemail().mailbox(group.name(), group.domain()) : group.fallback();
        CompletableFuture<List<Target>> fallbackTargets = fallback == null
                ? CompletableFuture.completedFuture(List.of()) : targetsOf(routed, fallback, group.domain());
        List<CompletableFuture<?>> all = new ArrayList<>(members);
        all.add(fallbackTargets);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> GroupDecision.decide(
                group, members.stream().map(CompletableFuture::join).toList(), fallbackTargets.join()));
    }

    /**
     * The user's phones (through the dial plan) and follow-me targets ring stage by stage; busy and
     * no-answer targets are left with {@link FailureForwarding}. A user with no phone registered
     * (480) counts as not answering: the follow-me stages ring, or the no-answer target at once.
     */
    private CompletionStage<RouteDecision> ring(RouteRequest routed, Treatment treatment, String callee,
            String domain) {
        CompletableFuture<RouteDecision> phones = plan.route(routed).toCompletableFuture();
        List<List<CompletableFuture<List<Target>>>> stages = new ArrayList<>();
        List<CompletableFuture<?>> all = new ArrayList<>();
        all.add(phones);
        for (Treatment.Stage stage : treatment.stages()) {
            List<CompletableFuture<List<Target>>> targets = new ArrayList<>();
            for (String target : stage.targets()) {
                targets.add(targetsOf(routed, target, domain));
            }
            stages.add(targets);
            all.addAll(targets);
        }
        CompletableFuture<List<Target>> busy = targetsOrNone(routed, treatment.onBusy(), domain);
        CompletableFuture<List<Target>> noAnswer = targetsOrNone(routed, treatment.onNoAnswer(), domain);
        all.add(busy);
        all.add(noAnswer);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> {
            RouteDecision own = phones.join();
            boolean reachable = own instanceof RouteDecision.Forward;
            if (!reachable && !(own instanceof RouteDecision.Reject reject && reject.statusCode() == 480)) {
                return own; // unknown user, a rule's rejection or redirect: features do not change it
            }
            List<RouteDecision.TargetGroup> groups = new ArrayList<>();
            for (int i = 0; i < stages.size(); i++) {
                Treatment.Stage stage = treatment.stages().get(i);
                List<Target> targets = new ArrayList<>();
                if (stage.phones() && reachable) {
                    targets.addAll(((RouteDecision.Forward) own).allTargets());
                }
                stages.get(i).forEach(t -> targets.addAll(t.join()));
                if (!targets.isEmpty()) {
                    groups.add(new RouteDecision.TargetGroup(targets, stage.ringTime()));
                }
            }
            if (groups.isEmpty()) {
                return noAnswer.join().isEmpty() ? own : RouteDecision.forward(noAnswer.join());
            }
            if (!busy.join().isEmpty() || !noAnswer.join().isEmpty()) {
                failures.expect(routed.request(), new FailureForwarding.AfterFailure(callee, busy.join(),
                        noAnswer.join()));
            }
            return new RouteDecision.Forward(groups, List.of());
        });
    }

    private CompletableFuture<List<Target>> targetsOrNone(RouteRequest routed, String target, String domain) {
        return target == null ? CompletableFuture.completedFuture(List.of()) : targetsOf(routed, target, domain);
    }

    /** The targets {@code target} stands for now; none when it cannot be reached. */
    private CompletableFuture<List<Target>> targetsOf(RouteRequest routed, String target, String domain) {
        return reach(routed, target, domain).toCompletableFuture().handle((decision, error) ->
                decision instanceof RouteDecision.Forward forward ? forward.allTargets() : List.of());
    }

    /** Routes the call to {@code target}: in our domains by the dial plan, elsewhere by the default router. */
    private CompletionStage<RouteDecision> reach(RouteRequest routed, String target, String domain) {
        SipUri uri;
        try {
            uri = Targets.uri(target, domain);
        } catch (SipParseException | IllegalArgumentException e) {
            LOG.warn("Call features: target '{}' is no SIP URI; skipped", target);
            return CompletableFuture.completedFuture(RouteDecision.reject(404, "Not Found"));
        }
        RouteRequest retargeted = new RouteRequest(routed.request().toBuilder().requestUri(uri.toString()).build(),
                routed.flow(), routed.authenticatedCaller());
        return domains.isLocalDomain(uri.host()) ? plan.route(retargeted) : local.route(retargeted);
    }
}
