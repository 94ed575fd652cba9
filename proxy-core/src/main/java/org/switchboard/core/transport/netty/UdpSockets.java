package org.switchboard.core.transport.netty;

import io.netty.channel.Channel;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The bound UDP sockets and the choice of which one sends a message: the one a request came in on
 * (so responses leave from the address the peer sent to, which NAT bindings need), else one of the
 * destination's address family. Thread-safe.
 */
final class UdpSockets {
    private final List<UdpSocket> sockets = new CopyOnWriteArrayList<>();

    /** A bound socket; {@code dualStack} if it is an IPv6 socket that also reaches IPv4 peers. */
    private record UdpSocket(Channel channel, InetSocketAddress local, boolean dualStack) {

        /** Whether a datagram that arrived at {@code address} came in on this socket. */
        boolean receivesAt(InetSocketAddress address) {
            if (local.equals(address)) {
                return true;
            }
            boolean sameFamily = (local.getAddress() instanceof Inet6Address)
                    == (address.getAddress() instanceof Inet6Address);
            return local.getAddress().isAnyLocalAddress() && local.getPort() == address.getPort() && sameFamily;
        }

        boolean canReach(InetSocketAddress target) {
            boolean ipv6Socket = local.getAddress() instanceof Inet6Address;
            boolean ipv6Target = target.getAddress() instanceof Inet6Address;
            return ipv6Socket == ipv6Target || dualStack;
        }
    }

    void add(Channel channel, boolean dualStack) {
        sockets.add(new UdpSocket(channel, (InetSocketAddress) channel.localAddress(), dualStack));
    }

    /**
     * The socket bound to {@code preferredLocal} (or the wildcard socket a datagram to that address
     * arrived on) if there is one and it can reach the target, else any socket that can reach it,
     * else {@code null}.
     */
    Channel forSending(InetSocketAddress preferredLocal, InetSocketAddress target) {
        if (preferredLocal != null) {
            for (UdpSocket s : sockets) {
                if (s.receivesAt(preferredLocal) && s.canReach(target)) {
                    return s.channel;
                }
            }
        }
        UdpSocket fallback = null;
        for (UdpSocket s : sockets) {
            if (s.canReach(target)) {
                if (!s.dualStack || target.getAddress() instanceof Inet6Address) {
                    return s.channel;
                }
                fallback = s;
            }
        }
        return fallback == null ? null : fallback.channel;
    }
}
