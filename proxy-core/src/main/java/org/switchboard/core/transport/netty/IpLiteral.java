package org.switchboard.core.transport.netty;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import org.switchboard.core.transport.Addresses;

/**
 * Reads and writes IP address literals of Via and URI hosts without any DNS lookup. Stateless.
 */
final class IpLiteral {
    private IpLiteral() {
    }

    /**
     * The address a host string denotes if it is an IPv4 address or an IPv6 address, with or without
     * RFC 5118 brackets; {@code null} for a host name or anything else.
     */
    static InetAddress parse(String host) {
        if (host == null || host.isEmpty()) {
            return null;
        }
        String literal = host.charAt(0) == '[' && host.charAt(host.length() - 1) == ']'
                ? host.substring(1, host.length() - 1)
                : host;
        return NetUtil.createInetAddressFromIpAddressString(literal);
    }

    /**
     * The address as a Via host or {@code received} value: IPv4 dotted, IPv6 in the RFC 5952 short
     * form inside RFC 5118 brackets, without a scope.
     */
    static String format(InetAddress address) {
        return Addresses.host(address);
    }
}
