package org.switchboard.dialplan.trunks;

import java.util.function.Supplier;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;

/**
 * A call coming in from a trunk is for one of its DIDs in the trunk's domain: at the local stage its
 * Request-URI becomes {@code sip:DID@DOMAIN}. A provider calls our address (often the Contact we
 * registered, {@code sip:ACCOUNT@our-address}, RFC 3261 §10.2.1); left as it came, the server would
 * take that for a request to itself and answer 404 (a user at our address), or refuse to relay to
 * another host. Retargeting is what a proxy does for a Request-URI it is responsible for (§16.5);
 * the dial plan then decides the DID with the trunk as the caller.
 *
 * <p>Threading: on the call's shard; reads the directory from memory. Thread-safe.
 */
public final class TrunkInbound implements RequestProcessor {
    private final Supplier<TrunkDirectory> trunks;

    public TrunkInbound(Supplier<TrunkDirectory> trunks) {
        this.trunks = trunks;
    }

    @Override
    public ProcessorResult process(RequestContext context) {
        SipRequest request = context.request();
        if (!request.isMethod(SipMethod.INVITE) || request.to().tag() != null || context.authenticatedCaller() != null
                || !"sip".equalsIgnoreCase(request.requestUriScheme())) {
            return ProcessorResult.CONTINUE;
        }
        String user = request.sipRequestUri().user();
        if (user == null) {
            return ProcessorResult.CONTINUE;
        }
        Trunk trunk = trunks.get().inboundFrom(context.flow().remote().getAddress(), user);
        if (trunk == null) {
            return ProcessorResult.CONTINUE;
        }
        String did = TrunkRouting.dialled(trunk, request);
        context.updateRequest(request.toBuilder()
                .requestUri(TrunkRouting.local(did, trunk.config().domain()).toString()).build());
        return ProcessorResult.CONTINUE;
    }
}
