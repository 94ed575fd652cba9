package org.switchboard.core.proxy;

import java.net.InetAddress;
import java.util.List;
import org.switchboard.core.location.LocationService;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.ListenPoint;

/**
 * Keeps the proxy from forwarding into its own host, checked on each resolved next hop so that no
 * spelling or DNS name gets around it. A hop at one of our listen points (its transport and port,
 * and its address or, for a wildcard socket, any address of this host) is never sent to: the
 * request would only come back to us (482 Loop Detected; requests addressed to the server are
 * answered before forwarding). A hop elsewhere on this host (loopback or one of our addresses,
 * another port: a PBX or gateway that trusts local peers) is reached when the server chose it (a
 * registration's flow or Path, a router's own target) or the sender is vouched for. For anyone
 * else, such as the sender of an in-dialog request or an ACK, which this proxy never authenticates
 * (issue 12 item 4), it is reached only where a registered contact is ({@link
 * LocationService#isContactReachedAt}): a phone that runs on this host keeps its calls, any other
 * local service gets 403 Relaying Denied, as {@link RelayCheck} refuses relaying to other hosts.
 * Thread-safe.
 */
final class OwnHostHops {
    /** The status a refused hop counts as, or {@code 0} for a hop that may be used. */
    static final int ALLOWED = 0;

    private final OwnHost host;
    private final List<ListenPoint> bound;
    private final LocationService phones;

    /**
     * @param bound the sockets this server listens on
     * @param phones the registered contacts, whose places on this host any sender may reach
     */
    OwnHostHops(OwnHost host, List<ListenPoint> bound, LocationService phones) {
        this.host = host;
        this.bound = List.copyOf(bound);
        this.phones = phones;
    }

    /**
     * @param mayEnterOwnHost whether the hop was chosen by the server or for a sender it vouches for
     * @return {@link #ALLOWED}, 482 for one of our listen points, or 403 for another port of this host
     *     where no registered contact is reached
     */
    int refusal(Destination hop, boolean mayEnterOwnHost) {
        if (!host.contains(hop.address().getAddress())) {
            return ALLOWED;
        }
        if (isListenPoint(hop)) {
            return 482;
        }
        // the look-up runs only here, for a hop on this host that is not ours: rare, and a hash probe
        return mayEnterOwnHost || phones.isContactReachedAt(hop.transport(), hop.address()) ? ALLOWED : 403;
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

    /** Why a hop was refused, for an admin reading the log. */
    static String why(int refusal) {
        return refusal == 482 ? "it is one of this server's own listen points"
                : "it is another port of this host, no registered phone is there, and the sender has not "
                        + "authenticated";
    }
}
