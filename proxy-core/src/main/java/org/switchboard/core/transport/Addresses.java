package org.switchboard.core.transport;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Formatting of addresses the way SIP writes them (RFC 5118: IPv6 in brackets). */
public final class Addresses {
    private Addresses() {
    }

    /** The host part for a Via or URI: an IPv4 address, or an IPv6 reference in brackets. */
    public static String host(InetAddress address) {
        String literal = address.getHostAddress();
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        return address instanceof Inet6Address ? "[" + literal + "]" : literal;
    }

    /** The address for a {@code received} parameter: IPv6 without brackets is allowed, but RFC 5118 uses brackets too. */
    public static String received(InetAddress address) {
        return host(address);
    }

    /** {@code host:port} with IPv6 in brackets. */
    public static String format(InetSocketAddress address) {
        InetAddress a = address.getAddress();
        String host = a != null ? host(a) : address.getHostString();
        return host + ":" + address.getPort();
    }
}
