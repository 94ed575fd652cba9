package org.switchboard.core.proxy;

import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;

/** Answers 505 Version Not Supported to anything but SIP/2.0 (RFC 3261 §8.2.2 and §21.5.7). */
public final class SipVersionCheck implements RequestProcessor {

    @Override
    public ProcessorResult process(RequestContext context) {
        if (context.request().sipVersion().equalsIgnoreCase("SIP/2.0")) {
            return ProcessorResult.CONTINUE;
        }
        context.respond(505, "Version Not Supported");
        return ProcessorResult.STOP;
    }
}
