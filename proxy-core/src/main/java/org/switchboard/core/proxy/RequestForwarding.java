package org.switchboard.core.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;
import org.switchboard.core.spi.event.SwitchboardEvent;
import org.switchboard.core.spi.route.RouteDecision;
import org.switchboard.core.spi.route.RouteRequest;
import org.switchboard.core.spi.route.Target;

/**
 * The end of the proxy's request chain: forwards the request statefully through a {@link
 * ProxyContext}. An in-dialog request (To tag) goes to its Request-URI by its Route set (RFC 3261
 * §16.6 step 6-7, loose routing); an initial request goes where the {@link
 * org.switchboard.core.spi.route.Router} says, and is record-routed if it creates a dialog.
 * Whether the sender is vouched for decides which next hops on this host its branches may use
 * ({@link OwnHostHops}). This proxy keeps no dialogs and does not authenticate in-dialog requests
 * (a UA answers one for a dialog it does not have with 481, §12.2.2), so their senders are vouched
 * for only from a trusted source: anyone else's reach a port of this host only where a registered
 * phone is, which keeps the dialogs of phones on this host working and nothing else exposed.
 */
final class RequestForwarding implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(RequestForwarding.class);
    private static final HeaderName ERROR_INFO = HeaderName.of("Error-Info");

    private final ProxyCore core;
    private final ProxyContexts contexts;
    private final LocalAddresses local;
    private final SenderTrust trust;

    RequestForwarding(ProxyCore core, ProxyContexts contexts, LocalAddresses local, SenderTrust trust) {
        this.core = core;
        this.contexts = contexts;
        this.local = local;
        this.trust = trust;
    }

    @Override
    public ProcessorResult process(RequestContext context) {
        SipRequest request = context.request();
        if (request.to().tag() != null) {
            if (request.headers().values(HeaderName.ROUTE).isEmpty() && local.isLocal(request.sipRequestUri())) {
                // no dialog of ours ends here: this server is not a user agent
                context.respond(481, "Call/Transaction Does Not Exist");
                return ProcessorResult.STOP;
            }
            if (request.isMethod(SipMethod.BYE)) {
                core.events().publish(new SwitchboardEvent.CallEnded(core.clock().instant(), request.callId(),
                        SwitchboardEvent.EndReason.HUNG_UP, 200, request.from().tag()));
            }
            boolean vouched = trust.isTrusted(context.flow().remote().getAddress());
            forward(context, request, false, vouched, new RouteDecision.TargetGroup(
                    List.of(Target.of(request.sipRequestUri())), null), List.of());
            return ProcessorResult.STOP;
        }
        CompletionStage<RouteDecision> decision = core.router().route(
                new RouteRequest(request, context.flow(), context.authenticatedCaller()));
        if (decision instanceof CompletableFuture<RouteDecision> now && now.isDone()
                && !now.isCompletedExceptionally()) {
            return routed(context, request, now.join()); // decided from memory: no hop
        }
        return ProcessorResult.async(decision, decided -> routed(context, request, decided));
    }

    /** Carries out the router's decision on an initial request, on the call's shard. */
    private ProcessorResult routed(RequestContext context, SipRequest request, RouteDecision decision) {
        // Java 17 has no pattern switch; the sealed RouteDecision has exactly these three kinds
        if (decision instanceof RouteDecision.Reject reject) {
            LOG.debug("{} {} from {} rejected by the router: {} {}", request.method(), request.requestUri(),
                    context.flow().remote(), reject.statusCode(), reject.reasonPhrase());
            SipResponse.Builder rejection = context.responseBuilder(reject.statusCode(), reject.reasonPhrase());
            if (reject.errorInfo() != null) {
                // RFC 3261 §20.18: a pointer to more about the error, e.g. a page or an announcement
                rejection.add(ERROR_INFO, "<" + reject.errorInfo() + ">");
            }
            context.respond(rejection.build());
        } else if (decision instanceof RouteDecision.Redirect redirect) {
            // RFC 3261 §21.3.3: the caller retries at the Contact addresses itself
            SipResponse.Builder moved = context.responseBuilder(302, "Moved Temporarily");
            for (String contact : redirect.contacts()) {
                moved.add(HeaderName.CONTACT, contact);
            }
            context.respond(moved.build());
        } else {
            RouteDecision.Forward forward = (RouteDecision.Forward) decision;
            List<RouteDecision.TargetGroup> later = new ArrayList<>(forward.groups().subList(1,
                    forward.groups().size()));
            later.addAll(forward.fallback());
            forward(context, request, createsDialog(request),
                    trust.vouchesFor(request, context.flow().remote().getAddress()), forward.groups().get(0), later);
        }
        return ProcessorResult.STOP;
    }

    private void forward(RequestContext context, SipRequest request, boolean recordRoute, boolean vouched,
            RouteDecision.TargetGroup first, List<RouteDecision.TargetGroup> later) {
        ProxyContext proxy = new ProxyContext(core, context, request, recordRoute, vouched,
                LoopDetection.hash(context.receivedRequest()), first, later);
        if (contexts.attach(context.transaction(), proxy)) {
            proxy.start();
        }
    }

    private static boolean createsDialog(SipRequest request) {
        return request.isMethod(SipMethod.INVITE) || request.isMethod(SipMethod.SUBSCRIBE)
                || request.isMethod(SipMethod.REFER);
    }
}
