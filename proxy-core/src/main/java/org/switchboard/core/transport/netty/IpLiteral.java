package org.switchboard.core.transport.netty;

import io.netty.util.NetUtil;
import java.net.InetAddress;

/** Reads IP address literals from Via and URI hosts without any DNS lookup. Stateless. */
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
}
