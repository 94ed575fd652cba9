package org.switchboard.core.proxy;

import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;

/**
 * Answers 483 Too Many Hops to a request that would have to be forwarded with Max-Forwards 0 (RFC
 * 3261 §16.3 step 3). Sits after the processors that answer requests for the server itself,
 * which need no hops left.
 */
public final class MaxForwardsCheck implements RequestProcessor {

    @Override
    public ProcessorResult process(RequestContext context) {
        if (context.request().maxForwards() != 0) {
            return ProcessorResult.CONTINUE;
        }
        context.respond(483, "Too Many Hops");
        return ProcessorResult.STOP;
    }
}
