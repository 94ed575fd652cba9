package org.switchboard.core.proxy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;
import org.switchboard.core.spi.route.DomainCatalog;

/**
 * Refuses to be an open relay: an initial request from a stranger (From not in one of our domains,
 * source not a trusted gateway) for a stranger gets 403. A target is ours when the Request-URI is
 * in one of our domains or is one of our own listen points (host and port); another port of this
 * host is not ours ({@code sip:x@127.0.0.1:26999} may be a PBX that trusts local peers). Requests
 * from outside to our users, and from our users (who must authenticate) to anywhere, pass. The
 * next hops resolved later are checked again by {@link OwnHostHops}. Runs on the call's shard;
 * answers from memory.
 */
final class RelayCheck implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(RelayCheck.class);

    private final DomainCatalog domains;
    private final LocalAddresses local;
    private final SenderTrust trust;

    RelayCheck(DomainCatalog domains, LocalAddresses local, SenderTrust trust) {
        this.domains = domains;
        this.local = local;
        this.trust = trust;
    }

    @Override
    public ProcessorResult process(RequestContext context) {
        SipRequest request = context.request();
        if (request.to().tag() != null || request.isMethod(SipMethod.ACK) || request.isMethod(SipMethod.CANCEL)
                || trust.isTrusted(context.flow().remote().getAddress())) {
            return ProcessorResult.CONTINUE;
        }
        SipUri target = request.sipRequestUri();
        if (domains.isLocalDomain(target.host()) || local.isLocal(target) || trust.isFromOurDomain(request)) {
            return ProcessorResult.CONTINUE;
        }
        LOG.info("Refused to relay {} from {} (From {}) to {}: neither end is ours", request.method(),
                context.flow().remote(), request.from().uri(), request.requestUri());
        context.respond(403, "Relaying Denied");
        return ProcessorResult.STOP;
    }
}
