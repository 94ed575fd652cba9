package org.switchboard.core.proxy;

/**
 * A request whose chain stopped at a processor waiting for asynchronous work. Call {@link #resume()}
 * once, on the request's shard, to run the processors after the one that parked it; or answer the
 * request through {@link #context()} instead.
 */
public interface ParkedRequest {

    /** The request's context, to answer it or read it. */
    RequestContext context();

    /** Runs the rest of the chain. Must be called on the request's shard, at most once. */
    void resume();
}
