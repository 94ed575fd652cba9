package org.switchboard.nat.detect;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Addresses nobody outside a NAT can reach: IPv4 private (RFC 1918: 10/8, 172.16/12, 192.168/16),
 * shared (RFC 6598: 100.64/10, carrier-grade NAT), link-local (RFC 3927: 169.254/16) and IPv6
 * link-local (fe80::/10) and unique-local (RFC 4193: fc00::/7). Stateless.
 */
public final class PrivateAddresses {
    private PrivateAddresses() {
    }

    /** Whether {@code address} lies in one of the ranges above. */
    public static boolean isPrivate(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 10
                    || (first == 172 && second >= 16 && second <= 31)
                    || (first == 192 && second == 168)
                    || (first == 100 && second >= 64 && second <= 127)
                    || (first == 169 && second == 254);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return (first & 0xfe) == 0xfc || (first == 0xfe && (second & 0xc0) == 0x80);
        }
        return false;
    }
}
