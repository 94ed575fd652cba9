package org.switchboard.core.proxy;

import java.util.List;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.spi.route.Target;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;

/**
 * Builds the copy of a request for one target and next hop (RFC 3261 §16.6 steps 1-8). Stateless.
 */
final class RequestForwarder {
    private static final int DEFAULT_MAX_FORWARDS = 70;

    private final LocalEndpoints endpoints;

    RequestForwarder(LocalEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /**
     * @param request the request after route preprocessing
     * @param recordRoute whether to stay in the dialog's path (initial requests that create dialogs)
     * @param inbound the flow the request came on
     * @param hop where the copy goes
     * @param branch the branch of our Via
     */
    SipRequest build(SipRequest request, Target target, boolean recordRoute, Flow inbound, Destination hop,
            String branch) {
        // §16.6 steps 1-2: a copy with the target as Request-URI
        SipRequest.Builder copy = request.toBuilder().requestUri(target.uri().toString());
        // §16.6 step 3: Max-Forwards decremented, or 70 if absent
        int maxForwards = request.maxForwards();
        copy.maxForwards(maxForwards < 0 ? DEFAULT_MAX_FORWARDS : maxForwards - 1);
        if (recordRoute) {
            // §16.6 step 4; a second entry when the two sides differ in transport or address family,
            // so that each side routes back to the interface it can reach
            boolean secure = "sips".equals(request.requestUriScheme());
            String outbound = endpoints.recordRoute(hop.transport(), hop.address(), inbound, secure);
            String inboundSide = endpoints.recordRoute(inbound.transport(), inbound.remote(), inbound, secure);
            if (!inboundSide.equals(outbound)) {
                copy.addFirst(HeaderName.RECORD_ROUTE, inboundSide);
            }
            copy.addFirst(HeaderName.RECORD_ROUTE, outbound);
        }
        // §16.6 step 5: the target's route set (Path, outbound proxy) goes on top
        List<String> routes = target.routeSet();
        for (int i = routes.size() - 1; i >= 0; i--) {
            copy.addFirst(HeaderName.ROUTE, routes.get(i));
        }
        // §16.6 step 8: our Via, with the sent-by of the socket family and transport we send on
        copy.addFirst(HeaderName.VIA, "SIP/2.0/" + hop.transport().viaName() + " "
                + endpoints.sentBy(hop.transport(), hop.address(), inbound) + ";branch=" + branch);
        // step 9 (Content-Length) is done by build()
        return copy.build();
    }
}
