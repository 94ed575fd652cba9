package org.switchboard.core.spi.chain;

/**
 * One decision about an incoming request (validate, authenticate, answer locally, route...). The
 * processors of a {@link RequestChain} run in order until one returns {@link ProcessorResult#STOP}.
 *
 * <p>Called on the request's shard (an event loop): must not block. Blocking work (database) is
 * started asynchronously and its result answered through the {@link RequestContext}, returning
 * {@link ProcessorResult#STOP}.
 */
@FunctionalInterface
public interface RequestProcessor {

    ProcessorResult process(RequestContext context);
}
