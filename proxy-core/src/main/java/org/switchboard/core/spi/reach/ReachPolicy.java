package org.switchboard.core.spi.reach;

import java.net.InetSocketAddress;
import org.switchboard.core.dns.SipServerLocator;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.location.Reach;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

/**
 * Decides, for each contact a REGISTER adds, whether the proxy reaches it over the flow the
 * REGISTER came on or at its Contact URI ({@link Reach}). The registrar owns the bindings and asks
 * this once per contact; the answer is stored with the binding. A NAT gateway plugin replaces the
 * {@link #STANDARD} policy through {@link org.switchboard.core.plugin.SipServices#decideReach}.
 *
 * <p>Threading: called on the REGISTER's shard; must be fast, must not block and must not throw.
 */
@FunctionalInterface
public interface ReachPolicy {

    /**
     * RFC 3261 with RFC 5626: a contact is reached at its Contact URI (§16.5), except an RFC 5626
     * flow (§5.3: requests go back over the flow), a contact that names the very transport and
     * address the REGISTER came from (the same place; the flow keeps the socket the phone talks
     * to), and over TCP or TLS a contact on the host the connection came from (the phone's
     * connection is reused, as RFC 5923 does; its source port is an ephemeral one, RFC 3261 §18), over TLS
     * whatever transport the Contact names.
     * A contact registered on a phone's behalf from another address or port (third-party
     * registration, §10.2) is reached where it says.
     */
    ReachPolicy STANDARD = (register, aor, flow, contact, outboundFlow) -> {
        if (outboundFlow) {
            return Reach.FLOW;
        }
        Destination at = literalDestination(contact);
        if (at == null) {
            return Reach.CONTACT;
        }
        InetSocketAddress source = flow.remote();
        if (at.transport() == flow.transport() && at.address().equals(source)) {
            return Reach.FLOW;
        }
        boolean stream = flow.connectionId() != 0;
        // a phone that registered over TLS is called over TLS whatever its Contact names, so that its
        // calls are not sent in the clear (RFC 3261 §26.2.2)
        boolean sameWay = at.transport() == flow.transport() || flow.transport() == Transport.TLS;
        return stream && sameWay && at.address().getAddress().equals(source.getAddress()) ? Reach.FLOW : Reach.CONTACT;
    };

    /**
     * How to reach {@code contact}.
     *
     * @param register the REGISTER as received (its Via and Contact headers as the phone wrote them)
     * @param aor the address-of-record being registered
     * @param flow the flow the REGISTER came on
     * @param contact one Contact of the REGISTER, a SIP or SIPS URI
     * @param outboundFlow whether the contact is an RFC 5626 flow (+sip.instance, reg-id, outbound)
     */
    Reach reach(SipRequest register, AddressOfRecord aor, Flow flow, NameAddr contact, boolean outboundFlow);

    /** Where a Contact with an IP address leads without DNS (RFC 3263 §4), or {@code null} for a host name. */
    static Destination literalDestination(NameAddr contact) {
        try {
            return SipServerLocator.ofLiteral(contact.sipUri());
        } catch (SipParseException e) {
            return null;
        }
    }
}
