package org.switchboard.core.proxy;

import org.switchboard.core.message.HeaderName;

/**
 * Answers 501 Not Implemented with Allow (RFC 3261 §8.2.1) to a method outside the server's
 * capabilities, so that the proxy routes only methods the admin allows.
 */
final class MethodCheck implements RequestProcessor {
    private final ServerCapabilities capabilities;

    MethodCheck(ServerCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    @Override
    public ProcessorResult process(RequestContext context) {
        if (capabilities.allows(context.request().method())) {
            return ProcessorResult.CONTINUE;
        }
        context.respond(context.responseBuilder(501, "Not Implemented")
                .add(HeaderName.ALLOW, capabilities.allowHeader())
                .build());
        return ProcessorResult.STOP;
    }
}
