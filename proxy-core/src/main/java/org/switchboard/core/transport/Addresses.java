package org.switchboard.core.transport;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Formatting of addresses the way SIP writes them: IPv6 in the RFC 5952 short form inside RFC 5118
 * brackets, without a scope. Never performs DNS lookups.
 */
public final class Addresses {
    private Addresses() {
    }

    /** The host part for a Via, a URI or a {@code received} parameter. */
    public static String host(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        return "[" + shortIpv6(address.getAddress()) + "]";
    }

    /** RFC 5952 §4: lower-case hex, no leading zeros, the longest run of two or more zero groups as "::". */
    private static String shortIpv6(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder b = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLength - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(groups[i]));
        }
        return b.toString();
    }

    /** {@code host:port} with IPv6 in brackets. */
    public static String format(InetSocketAddress address) {
        InetAddress a = address.getAddress();
        String host = a != null ? host(a) : address.getHostString();
        return host + ":" + address.getPort();
    }
}
