package org.switchboard.core.proxy;

import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;

/**
 * Answers 416 Unsupported URI Scheme when the Request-URI is neither {@code sip:} nor {@code sips:}
 * (RFC 3261 §8.2.2.1, §16.3 step 1).
 */
public final class UriSchemeCheck implements RequestProcessor {

    @Override
    public ProcessorResult process(RequestContext context) {
        String scheme = context.request().requestUriScheme();
        if ("sip".equals(scheme) || "sips".equals(scheme)) {
            return ProcessorResult.CONTINUE;
        }
        context.respond(416, "Unsupported URI Scheme");
        return ProcessorResult.STOP;
    }
}
