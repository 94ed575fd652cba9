package org.switchboard.core.proxy;

import java.net.InetAddress;
import java.util.Set;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.spi.route.DomainCatalog;

/**
 * Whom the proxy acts for (RFC 3261 §22.3): trusted sources (gateways, peer servers) without
 * asking, and the users of our domains once they have authenticated. One place for the rule, so
 * that the authentication policy and the checks that rely on it agree. Immutable; thread-safe.
 */
final class SenderTrust {
    private final DomainCatalog domains;
    private final Set<InetAddress> trusted;
    private final boolean authenticating;

    /**
     * @param authenticating whether {@link ProxyAuthentication} runs in the chain; without it no
     *     user is ever authenticated
     */
    SenderTrust(DomainCatalog domains, Set<InetAddress> trusted, boolean authenticating) {
        this.domains = domains;
        this.trusted = Set.copyOf(trusted);
        this.authenticating = authenticating;
    }

    boolean isTrusted(InetAddress source) {
        return trusted.contains(source);
    }

    /** Whether the From names one of our domains. */
    boolean isFromOurDomain(SipRequest request) {
        NameAddr from = request.from();
        return from.isSip() && domains.isLocalDomain(from.sipUri().host());
    }

    /**
     * Whether the request must carry credentials: an initial request other than ACK, CANCEL (which
     * cannot be challenged, §22.1) and REGISTER (the registrar's), from an untrusted source, whose
     * From is one of our domains.
     */
    boolean needsAuthentication(SipRequest request, InetAddress source) {
        if (request.to().tag() != null || request.isMethod(SipMethod.ACK) || request.isMethod(SipMethod.CANCEL)
                || request.isMethod(SipMethod.REGISTER) || isTrusted(source)) {
            return false;
        }
        return isFromOurDomain(request);
    }

    /**
     * Whether a request that reached forwarding came from someone the proxy vouches for: a trusted
     * source, or one of our users, who had to authenticate on the way.
     */
    boolean vouchesFor(SipRequest request, InetAddress source) {
        return isTrusted(source) || authenticating && needsAuthentication(request, source);
    }
}
