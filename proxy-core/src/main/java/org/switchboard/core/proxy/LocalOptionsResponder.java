package org.switchboard.core.proxy;

import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;

/**
 * Answers OPTIONS addressed to the server itself (no user part, our host and port) with 200 OK and
 * the server's Allow, Accept and Supported headers (RFC 3261 §11.2). Phones and gateways use this
 * as a keep-alive and capability probe.
 */
public final class LocalOptionsResponder implements RequestProcessor {
    private final ServerCapabilities capabilities;
    private final LocalAddresses local;

    public LocalOptionsResponder(ServerCapabilities capabilities, LocalAddresses local) {
        this.capabilities = capabilities;
        this.local = local;
    }

    @Override
    public ProcessorResult process(RequestContext context) {
        var request = context.request();
        if (!request.isMethod(SipMethod.OPTIONS)) {
            return ProcessorResult.CONTINUE;
        }
        var uri = request.sipRequestUri();
        if (uri.user() != null || !local.isLocal(uri)) {
            return ProcessorResult.CONTINUE;
        }
        context.respond(context.responseBuilder(200, "OK")
                .add(HeaderName.ALLOW, capabilities.allowHeader())
                .add(HeaderName.ACCEPT, capabilities.acceptHeader())
                .add(HeaderName.SUPPORTED, capabilities.supportedHeader())
                .build());
        return ProcessorResult.STOP;
    }
}
