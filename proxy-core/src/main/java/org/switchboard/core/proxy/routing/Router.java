package org.switchboard.core.proxy.routing;

import org.switchboard.core.message.SipRequest;
import org.switchboard.core.transport.Flow;

/**
 * Decides where an initial (out-of-dialog) request goes: to a set of targets, or nowhere with a
 * final response (RFC 3261 §16.5). The dial plan implements it; {@link LocalRouter} is the default.
 * In-dialog requests never reach a router: they follow their Route set.
 *
 * <p>Threading: called on the call's shard; must not block. An implementation answers from memory
 * (its rules, the location service); it must be thread-safe, as every shard calls it.
 */
@FunctionalInterface
public interface Router {

    /**
     * @param request the request after route preprocessing (our own Route entries removed)
     * @param flow the flow it arrived on
     * @return never {@code null}
     */
    RouteDecision route(SipRequest request, Flow flow);
}
