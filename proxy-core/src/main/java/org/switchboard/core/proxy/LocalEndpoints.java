package org.switchboard.core.proxy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.switchboard.core.transport.Addresses;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.Transport;

/**
 * The address this server names in its Via sent-by and Record-Route for each transport and address
 * family: the bound listen point's, or for a wildcard socket the configured advertised host, else
 * the address the request came in on, else an interface address of that family (found once, at
 * start). Immutable; thread-safe.
 */
final class LocalEndpoints {
    private final List<ListenPoint> bound;
    private final String advertisedHost;
    private final String defaultIpv4;
    private final String defaultIpv6;

    /** Reads the interface list, so it is built at start, not on an event loop. */
    LocalEndpoints(List<ListenPoint> bound, String advertisedHost) throws SocketException {
        if (bound.isEmpty()) {
            throw new IllegalArgumentException("No listen point is bound");
        }
        this.bound = List.copyOf(bound);
        this.advertisedHost = advertisedHost;
        this.defaultIpv4 = interfaceAddress(false);
        this.defaultIpv6 = interfaceAddress(true);
    }

    /** The sent-by {@code host:port} for a message sent over {@code transport} to {@code to}. */
    String sentBy(Transport transport, InetSocketAddress to, Flow inbound) {
        boolean ipv6 = to.getAddress() instanceof Inet6Address;
        ListenPoint lp = listenPoint(transport, ipv6);
        return host(lp, ipv6, inbound) + ":" + lp.address().getPort();
    }

    /** The sent-by {@code host:port} of the socket a flow arrived on. */
    String sentBy(Flow flow) {
        return sentBy(flow.transport(), flow.local(), flow);
    }

    /**
     * Our Record-Route value for the side of a call reached over {@code transport} at {@code peer}.
     * For a SIPS request it is a SIPS URI (RFC 3261 §16.6 step 4), which means TLS on every hop
     * (§26.2.2) and so needs no transport parameter (RFC 5630 §3.1.3).
     */
    String recordRoute(Transport transport, InetSocketAddress peer, Flow inbound, boolean secure) {
        if (secure) {
            return "<sips:" + sentBy(transport, peer, inbound) + ";lr>";
        }
        return "<sip:" + sentBy(transport, peer, inbound) + ";transport=" + transport.name().toLowerCase(Locale.ROOT)
                + ";lr>";
    }

    private ListenPoint listenPoint(Transport transport, boolean ipv6) {
        ListenPoint sameTransport = null;
        ListenPoint sameFamily = null;
        for (ListenPoint lp : bound) {
            if (lp.transport() == transport && lp.isIpv6() == ipv6) {
                return lp;
            }
            if (lp.transport() == transport && sameTransport == null) {
                sameTransport = lp;
            }
            if (lp.isIpv6() == ipv6 && sameFamily == null) {
                sameFamily = lp;
            }
        }
        return sameTransport != null ? sameTransport : sameFamily != null ? sameFamily : bound.get(0);
    }

    private String host(ListenPoint lp, boolean ipv6, Flow inbound) {
        InetAddress address = lp.address().getAddress();
        if (!address.isAnyLocalAddress()) {
            return Addresses.host(address);
        }
        if (advertisedHost != null) {
            return advertisedHost;
        }
        if (inbound != null && (inbound.local().getAddress() instanceof Inet6Address) == ipv6
                && !inbound.local().getAddress().isAnyLocalAddress()) {
            return Addresses.host(inbound.local().getAddress());
        }
        return ipv6 ? defaultIpv6 : defaultIpv4;
    }

    /** A global address of the family if there is one, else a link-local or loopback one. */
    private static String interfaceAddress(boolean ipv6) throws SocketException {
        InetAddress fallback = null;
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp()) {
                continue;
            }
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                if ((a instanceof Inet6Address) != ipv6) {
                    continue;
                }
                if (!a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return Addresses.host(a);
                }
                if (fallback == null || fallback.isLinkLocalAddress()) {
                    fallback = a;
                }
            }
        }
        return fallback != null ? Addresses.host(fallback) : ipv6 ? "[::1]" : "127.0.0.1";
    }
}
