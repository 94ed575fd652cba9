package org.switchboard.core.transport;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A socket the server listens on: a transport and a local address. Port 0 asks the system for an
 * ephemeral port; the transport layer reports the port it actually bound. Immutable.
 */
public record ListenPoint(Transport transport, InetSocketAddress address) {

    public ListenPoint {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
    }

    /** Whether this listens on the IPv6 wildcard or an IPv6 address. */
    public boolean isIpv6() {
        return address.getAddress() instanceof Inet6Address;
    }

    @Override
    public String toString() {
        return transport + " " + Addresses.format(address);
    }
}
