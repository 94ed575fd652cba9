package org.switchboard.core.transport.netty;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.switchboard.core.message.Via;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

/**
 * Where a response goes, from the top Via and the flow its request came on (RFC 3261 §18.2.2, RFC
 * 3581 §4). Stateless. It never looks up DNS: a sent-by host name is only usable through the
 * {@code received} parameter, which the transports add to every request whose sent-by is not the
 * source address.
 */
final class ResponseRoute {
    private ResponseRoute() {
    }

    /**
     * The destination for a response. For a reliable transport the destination carries the request's
     * connection, which the sender uses while it is open; its address is where to reconnect otherwise.
     *
     * @throws UnknownHostException if the Via names a host that is not an IP address and has no usable
     *     {@code received}
     */
    static Destination of(Via via, Flow requestFlow) throws UnknownHostException {
        Transport transport = requestFlow.transport();
        int sentByPort = via.port() >= 0 ? via.port() : transport.defaultPort();
        InetAddress received = IpLiteral.parse(via.received());
        if (transport.isReliable()) {
            // §18.2.2: the same connection; else received (or sent-by) and the sent-by port
            InetAddress host = received != null ? received : requireLiteral(via.host());
            return new Destination(transport, new InetSocketAddress(host, sentByPort), requestFlow.connectionId());
        }
        String maddr = via.params().get("maddr");
        if (maddr != null) {
            // §18.2.2: to the multicast address in maddr, at the sent-by port
            return Destination.of(transport, new InetSocketAddress(requireLiteral(maddr), sentByPort));
        }
        if (received != null) {
            // RFC 3581 §4: the source port recorded in rport, else §18.2.2's sent-by port
            int port = via.rport() > 0 ? via.rport() : sentByPort;
            return Destination.of(transport, new InetSocketAddress(received, port));
        }
        return Destination.of(transport, new InetSocketAddress(requireLiteral(via.host()), sentByPort));
    }

    private static InetAddress requireLiteral(String host) throws UnknownHostException {
        InetAddress address = IpLiteral.parse(host);
        if (address == null) {
            throw new UnknownHostException("Via names host " + host
                    + " without a received address, and responses are not routed by DNS");
        }
        return address;
    }
}
