package org.switchboard.core.proxy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.switchboard.core.dns.IpLiterals;

/**
 * The machine the server runs on, by address: every address of every interface (read once, at
 * start), the loopback ranges (127.0.0.0/8, ::1) and the unspecified addresses (0.0.0.0 and ::,
 * which reach this host when connected to), each also in its IPv4-mapped IPv6 form. A next hop at
 * one of these is this host, whatever name or spelling led to it. Immutable; thread-safe.
 */
public final class OwnHost {
    private final Set<InetAddress> interfaceAddresses;

    private OwnHost(Set<InetAddress> interfaceAddresses) {
        this.interfaceAddresses = Set.copyOf(interfaceAddresses);
    }

    /** The addresses of this machine's interfaces now; reads the interface list, so call it at start. */
    public static OwnHost discover() throws SocketException {
        Set<InetAddress> addresses = new HashSet<>();
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nif.getInetAddresses())) {
                addresses.add(unmapped(address));
            }
        }
        return new OwnHost(addresses);
    }

    /** A host with the given interface addresses besides loopback, for tests. */
    public static OwnHost of(Collection<InetAddress> interfaceAddresses) {
        Set<InetAddress> addresses = new HashSet<>();
        for (InetAddress address : interfaceAddresses) {
            addresses.add(unmapped(address));
        }
        return new OwnHost(addresses);
    }

    /** Whether {@code address} reaches this machine. */
    public boolean contains(InetAddress address) {
        InetAddress plain = unmapped(address);
        return plain.isLoopbackAddress() || plain.isAnyLocalAddress() || interfaceAddresses.contains(plain);
    }

    /**
     * Whether {@code host} names this machine without asking DNS: {@code localhost} or a name under
     * it (RFC 6761 §6.3), or an address literal (IPv6 with or without brackets) of this machine.
     */
    public boolean isNamedBy(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        InetAddress literal = IpLiterals.parse(h);
        return literal != null && contains(literal);
    }

    /** ::ffff:a.b.c.d as a.b.c.d, so that both spellings of an IPv4 address compare equal. */
    static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = b[i] == 0;
            }
            if (mapped) {
                try {
                    return Inet4Address.getByAddress(Arrays.copyOfRange(b, 12, 16));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException("Four bytes are always an IPv4 address", e);
                }
            }
        }
        return address;
    }
}
