package org.switchboard.core.proxy;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;
import org.switchboard.core.spi.route.DomainCatalog;

/**
 * Answers an initial request addressed to the server itself (one of our listen points, no Route
 * left after RFC 3261 §16.4, and not a user of one of our domains, whom the router finds) that no
 * earlier processor took — local OPTIONS, the registrar and the plug-and-play processors have had
 * their turn. Forwarding it would only send it back to us, so
 * the server answers as the user agent it is: 501 Not Implemented with Allow for a method it does
 * not know (§8.2.1; to anyone else a proxy forwards unknown methods, §16.3), 404 Not Found for a
 * user at our address (users are reached by their domain), and 405 Method Not Allowed with the
 * methods the server accepts for itself (§21.4.6) otherwise. In-dialog requests go on to
 * forwarding, which answers 481 for dialogs that would end here.
 */
final class LocalTargetResponder implements RequestProcessor {
    private final ServerCapabilities capabilities;
    private final LocalAddresses local;
    private final DomainCatalog domains;
    private final String ownMethods;

    LocalTargetResponder(ServerCapabilities capabilities, LocalAddresses local, DomainCatalog domains) {
        this.capabilities = capabilities;
        this.local = local;
        this.domains = domains;
        List<String> own = new ArrayList<>(List.of(SipMethod.OPTIONS));
        if (capabilities.allows(SipMethod.REGISTER)) {
            own.add(SipMethod.REGISTER);
        }
        this.ownMethods = String.join(", ", own);
    }

    @Override
    public ProcessorResult process(RequestContext context) {
        SipRequest request = context.request();
        if (request.to().tag() != null || !request.headers().values(HeaderName.ROUTE).isEmpty()) {
            return ProcessorResult.CONTINUE;
        }
        SipUri uri = request.sipRequestUri();
        if (!local.isLocal(uri) || uri.user() != null && domains.isLocalDomain(uri.host())) {
            return ProcessorResult.CONTINUE;
        }
        if (!capabilities.allows(request.method())) {
            context.respond(context.responseBuilder(501, "Not Implemented")
                    .add(HeaderName.ALLOW, capabilities.allowHeader()).build());
        } else if (uri.user() != null) {
            context.respond(404, "Not Found");
        } else {
            context.respond(context.responseBuilder(405, "Method Not Allowed")
                    .add(HeaderName.ALLOW, ownMethods).build());
        }
        return ProcessorResult.STOP;
    }
}
