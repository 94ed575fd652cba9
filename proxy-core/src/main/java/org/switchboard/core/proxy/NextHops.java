package org.switchboard.core.proxy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.switchboard.core.dns.NextHopResolver;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.spi.route.Target;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;

/**
 * Where the copy of a request for a target goes first (RFC 3261 §16.6 steps 6-7): the first entry
 * of the target's route set, else the request's top Route, else the flow of a registered contact,
 * else the Request-URI; names are resolved by RFC 3263. Thread-safe; never blocks.
 */
final class NextHops {
    private final NextHopResolver resolver;

    NextHops(NextHopResolver resolver) {
        this.resolver = resolver;
    }

    /** The destinations to try in order; may complete on the DNS executor. */
    CompletableFuture<List<Destination>> of(SipRequest request, Target target) {
        if (!target.routeSet().isEmpty()) {
            return resolver.resolve(NameAddr.parse(target.routeSet().get(0)).sipUri());
        }
        List<NameAddr> routes = request.routes();
        if (!routes.isEmpty()) {
            return resolver.resolve(routes.get(0).sipUri());
        }
        Flow flow = target.flow();
        if (flow != null) {
            // RFC 5626 §5.3 / RFC 3261 §18.2.2 spirit: back over the flow the registration came on
            return CompletableFuture.completedFuture(
                    List.of(new Destination(flow.transport(), flow.remote(), flow.connectionId())));
        }
        return resolver.resolve(target.uri());
    }

    /** The destinations for a URI, for stateless forwarding. */
    CompletableFuture<List<Destination>> of(SipRequest request) {
        List<NameAddr> routes = request.routes();
        return resolver.resolve(routes.isEmpty() ? request.sipRequestUri() : routes.get(0).sipUri());
    }
}
