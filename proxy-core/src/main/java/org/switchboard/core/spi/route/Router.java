package org.switchboard.core.spi.route;

import java.util.concurrent.CompletionStage;

/**
 * Decides where an initial (out-of-dialog) request goes (RFC 3261 §16.5): ordered groups of targets
 * with a ring time each and an optional fallback, a redirect, or a rejection. The dial plan
 * implements it; {@code LocalRouter} (the location service) is the default. In-dialog requests never
 * reach a router: they follow their Route set.
 *
 * <p>Threading: called on the call's shard; must not block. The decision may complete on any thread
 * (after a database read on the blocking executor, say); the proxy goes on with it on the call's
 * shard. A decision already complete when returned costs no thread hop. Implementations are
 * thread-safe, as every shard calls them.
 */
@FunctionalInterface
public interface Router {

    /** @return never {@code null}; a failed stage answers the request 500 */
    CompletionStage<RouteDecision> route(RouteRequest request);
}
