package org.switchboard.core.proxy;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;

/**
 * Answers 420 Bad Extension with an Unsupported header listing the option tags of Proxy-Require
 * (RFC 3261 §16.3 step 5), and of Require for requests addressed to this server (§8.2.2.3), that
 * the server does not support. CANCEL and ACK are never rejected for Require (§8.2.2.3).
 */
public final class ExtensionCheck implements RequestProcessor {
    private final ServerCapabilities capabilities;
    private final LocalAddresses local;

    public ExtensionCheck(ServerCapabilities capabilities, LocalAddresses local) {
        this.capabilities = capabilities;
        this.local = local;
    }

    @Override
    public ProcessorResult process(RequestContext context) {
        var request = context.request();
        if (request.isMethod(SipMethod.CANCEL) || request.isMethod(SipMethod.ACK)) {
            return ProcessorResult.CONTINUE;
        }
        List<String> unsupported = new ArrayList<>();
        collect(request.headers().values(HeaderName.PROXY_REQUIRE), unsupported);
        if (local.isLocal(request.sipRequestUri())) {
            collect(request.headers().values(HeaderName.REQUIRE), unsupported);
        }
        if (unsupported.isEmpty()) {
            return ProcessorResult.CONTINUE;
        }
        context.respond(context.responseBuilder(420, "Bad Extension")
                .add(HeaderName.UNSUPPORTED, String.join(", ", unsupported))
                .build());
        return ProcessorResult.STOP;
    }

    private void collect(List<String> options, List<String> unsupported) {
        for (String option : options) {
            if (!capabilities.supportedOptions().contains(option) && !unsupported.contains(option)) {
                unsupported.add(option);
            }
        }
    }
}
