package org.switchboard.nat.detect;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.switchboard.core.dns.IpLiterals;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.message.Via;
import org.switchboard.core.transport.Flow;

/**
 * Tells whether a request comes from a phone behind a NAT, from what the phone wrote (its top Via
 * and its Contact) against where the packet came from. A request is NATed when
 * <ol>
 *   <li>its Contact names a private, shared or link-local address ({@link PrivateAddresses}) other
 *       than the source address: nobody outside can reach it; or
 *   <li>its top Via's sent-by is an IP address other than the source address, or over UDP the same
 *       address with another port (RFC 3261 §18.2.1 and RFC 3581 §4 record these as {@code
 *       received} and {@code rport}; a phone sends UDP from the port it names, §18.1.1, so only a
 *       NAT changes it); or
 *   <li>its sent-by is a host name, which cannot be compared, and its Contact names an IP address
 *       other than the source address.
 * </ol>
 * A Contact that differs from the source while the Via names the source is not taken as a NAT: the
 * sender is where it says it is, and registers or invites on behalf of a contact elsewhere
 * (third-party registration, RFC 3261 §10.2). The Contact counts only in a request with one Via,
 * straight from the phone: through another proxy the source is that proxy, and the phone's
 * Contact says nothing about the last hop. Over TCP and TLS the source port is always an ephemeral
 * one, so only addresses are compared. Stateless and thread-safe; never blocks.
 */
public final class NatDetector {

    /** Whether {@code request}, which came over {@code flow}, is from a phone behind a NAT. */
    public boolean isNated(SipRequest request, Flow flow) {
        InetSocketAddress source = flow.remote();
        List<Via> vias;
        try {
            vias = request.vias();
        } catch (SipParseException e) {
            return false;
        }
        if (vias.isEmpty()) {
            return false;
        }
        Via via = vias.get(0);
        InetAddress contactAddress = vias.size() == 1 ? contactAddress(request) : null;
        if (contactAddress != null && PrivateAddresses.isPrivate(contactAddress)
                && !contactAddress.equals(source.getAddress())) {
            return true;
        }
        InetAddress sentBy = IpLiterals.parse(via.host());
        if (sentBy == null) {
            return contactAddress != null && !contactAddress.equals(source.getAddress());
        }
        if (!sentBy.equals(source.getAddress())) {
            return true;
        }
        boolean datagram = flow.connectionId() == 0;
        return datagram && sentByPort(via) != source.getPort();
    }

    /** §18.2.1: the sent-by port, 5060 when absent (5061 for TLS). */
    private static int sentByPort(Via via) {
        if (via.port() > 0) {
            return via.port();
        }
        return "TLS".equalsIgnoreCase(via.transport()) ? 5061 : 5060;
    }

    /** The IP address of the first Contact, or {@code null} when it has none or names a host. */
    private static InetAddress contactAddress(SipRequest request) {
        try {
            for (NameAddr contact : request.contacts()) {
                if (contact.isSip()) {
                    SipUri uri = contact.sipUri();
                    return IpLiterals.parse(uri.hostAddress());
                }
                return null;
            }
        } catch (SipParseException e) {
            return null;
        }
        return null;
    }
}
