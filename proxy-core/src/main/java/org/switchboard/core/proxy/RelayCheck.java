package org.switchboard.core.proxy;

import java.net.InetAddress;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.proxy.routing.DomainCatalog;

/**
 * Refuses to be an open relay: an initial request from a stranger (From not in one of our domains,
 * source not a trusted gateway) for a stranger (Request-URI not in one of our domains) gets 403.
 * Requests from outside to our users, and from our users (who must authenticate) to anywhere,
 * pass. Runs on the call's shard; answers from memory.
 */
final class RelayCheck implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(RelayCheck.class);

    private final DomainCatalog domains;
    private final LocalAddresses local;
    private final Set<InetAddress> trusted;

    RelayCheck(DomainCatalog domains, LocalAddresses local, Set<InetAddress> trusted) {
        this.domains = domains;
        this.local = local;
        this.trusted = Set.copyOf(trusted);
    }

    @Override
    public ProcessorResult process(RequestContext context) {
        SipRequest request = context.request();
        if (request.to().tag() != null || request.isMethod(SipMethod.ACK) || request.isMethod(SipMethod.CANCEL)
                || trusted.contains(context.flow().remote().getAddress())) {
            return ProcessorResult.CONTINUE;
        }
        String target = request.sipRequestUri().host();
        if (domains.isLocalDomain(target) || local.isLocalHost(target) || isFromOurDomain(request.from())) {
            return ProcessorResult.CONTINUE;
        }
        LOG.info("Refused to relay {} from {} (From {}) to {}: neither end is ours", request.method(),
                context.flow().remote(), request.from().uri(), request.requestUri());
        context.respond(403, "Relaying Denied");
        return ProcessorResult.STOP;
    }

    private boolean isFromOurDomain(NameAddr from) {
        return from.isSip() && domains.isLocalDomain(from.sipUri().host());
    }
}
