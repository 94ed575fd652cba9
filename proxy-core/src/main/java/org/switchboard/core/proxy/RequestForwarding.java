package org.switchboard.core.proxy;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.proxy.routing.RouteDecision;
import org.switchboard.core.proxy.routing.Target;
import org.switchboard.core.spi.event.SwitchboardEvent;

/**
 * The end of the proxy's request chain: forwards the request statefully through a {@link
 * ProxyContext}. An in-dialog request (To tag) goes to its Request-URI by its Route set (RFC 3261
 * §16.6 step 6-7, loose routing); an initial request goes where the {@link
 * org.switchboard.core.proxy.routing.Router} says, and is record-routed if it creates a dialog.
 * Whether the sender is vouched for decides which next hops on this host its branches may use
 * ({@link OwnHostHops}). This proxy keeps no dialogs and does not authenticate in-dialog requests
 * (a UA answers one for a dialog it does not have with 481, §12.2.2), so their senders are vouched
 * for only from a trusted source: anyone else's reach a port of this host only where a registered
 * phone is, which keeps the dialogs of phones on this host working and nothing else exposed.
 */
final class RequestForwarding implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(RequestForwarding.class);

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
        List<Target> targets;
        boolean recordRoute;
        boolean vouched;
        if (request.to().tag() != null) {
            if (request.headers().values(HeaderName.ROUTE).isEmpty() && local.isLocal(request.sipRequestUri())) {
                // no dialog of ours ends here: this server is not a user agent
                context.respond(481, "Call/Transaction Does Not Exist");
                return ProcessorResult.STOP;
            }
            targets = List.of(Target.of(request.sipRequestUri()));
            recordRoute = false;
            vouched = trust.isTrusted(context.flow().remote().getAddress());
            if (request.isMethod(SipMethod.BYE)) {
                core.events().publish(new SwitchboardEvent.CallEnded(core.clock().instant(), request.callId(),
                        SwitchboardEvent.EndReason.HUNG_UP, 200, request.from().tag()));
            }
        } else {
            RouteDecision decision = core.router().route(request, context.flow());
            if (decision instanceof RouteDecision.Reject reject) {
                LOG.debug("{} {} from {} rejected by the router: {} {}", request.method(), request.requestUri(),
                        context.flow().remote(), reject.statusCode(), reject.reasonPhrase());
                context.respond(reject.statusCode(), reject.reasonPhrase());
                return ProcessorResult.STOP;
            }
            targets = ((RouteDecision.Forward) decision).targets();
            recordRoute = createsDialog(request);
            vouched = trust.vouchesFor(request, context.flow().remote().getAddress());
        }
        ProxyContext proxy = new ProxyContext(core, context, request, recordRoute, vouched,
                LoopDetection.hash(context.receivedRequest()), targets);
        if (contexts.attach(context.transaction(), proxy)) {
            proxy.start();
        }
        return ProcessorResult.STOP;
    }

    private static boolean createsDialog(SipRequest request) {
        return request.isMethod(SipMethod.INVITE) || request.isMethod(SipMethod.SUBSCRIBE)
                || request.isMethod(SipMethod.REFER);
    }
}
