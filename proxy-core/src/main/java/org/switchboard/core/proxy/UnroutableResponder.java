package org.switchboard.core.proxy;

import org.switchboard.core.message.HeaderName;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;

/**
 * The end of the request chain: a request nobody took. A method the server does not know gets 501
 * Not Implemented with Allow (RFC 3261 §8.2.1); any other request names a target the server has
 * nowhere to send, and gets 404 Not Found.
 */
public final class UnroutableResponder implements RequestProcessor {
    private final ServerCapabilities capabilities;

    public UnroutableResponder(ServerCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    @Override
    public ProcessorResult process(RequestContext context) {
        if (!capabilities.allows(context.request().method())) {
            context.respond(context.responseBuilder(501, "Not Implemented")
                    .add(HeaderName.ALLOW, capabilities.allowHeader())
                    .build());
        } else {
            context.respond(404, "Not Found");
        }
        return ProcessorResult.STOP;
    }
}
