package org.switchboard.core.proxy;

import java.net.InetAddress;
import java.util.List;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.ListenPoint;

/**
 * Keeps the proxy from forwarding into its own host, checked on each resolved next hop so that no
 * spelling or DNS name gets around it. A hop at one of our listen points (its transport and port,
 * and its address or, for a wildcard socket, any address of this host) is never sent to: the request would only come back to us (482 Loop Detected; requests addressed to
 * the server are answered before forwarding). A hop elsewhere on this host (loopback or one of our
 * addresses, another port: a PBX or gateway that trusts local peers) is reached only when the
 * server chose it (a registration's flow or Path, a router's own target) or the sender is vouched
 * for; otherwise 403 Relaying Denied, as {@link RelayCheck} refuses relaying to other hosts.
 * Immutable; thread-safe.
 */
final class OwnHostHops {
    /** The status a refused hop counts as, or {@code 0} for a hop that may be used. */
    static final int ALLOWED = 0;

    private final OwnHost host;
    private final List<ListenPoint> bound;

    /** @param bound the sockets this server listens on */
    OwnHostHops(OwnHost host, List<ListenPoint> bound) {
        this.host = host;
        this.bound = List.copyOf(bound);
    }

    /**
     * @param mayEnterOwnHost whether the hop was chosen by the server or for a sender it vouches for
     * @return {@link #ALLOWED}, 482 for one of our listen points, or 403 for another port of this host
     */
    int refusal(Destination hop, boolean mayEnterOwnHost) {
        if (!host.contains(hop.address().getAddress())) {
            return ALLOWED;
        }
        if (isListenPoint(hop)) {
            return 482;
        }
        return mayEnterOwnHost ? ALLOWED : 403;
    }

    private boolean isListenPoint(Destination hop) {
        InetAddress address = OwnHost.unmapped(hop.address().getAddress());
        for (ListenPoint lp : bound) {
            InetAddress listening = lp.address().getAddress();
            if (lp.transport() == hop.transport() && lp.address().getPort() == hop.address().getPort()
                    && (listening.isAnyLocalAddress() || OwnHost.unmapped(listening).equals(address))) {
                return true;
            }
        }
        return false;
    }

    /** The reason phrase of a refusal. */
    static String reasonPhrase(int refusal) {
        return refusal == 482 ? "Loop Detected" : "Relaying Denied";
    }
}
