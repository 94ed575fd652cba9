package org.switchboard.core.transport.netty;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * For wildcard UDP sockets whose datagrams do not say which address they were sent to (IPv6 on
 * epoll, as Netty's native receive reads only the IPv4 IP_ORIGDSTADDR message; everything on NIO):
 * the local address the kernel routes from towards a peer, the name of a connected UDP socket that
 * never sends. On all but asymmetric routes that is the address the peer sent to; Kamailio's
 * {@code mhomed} and plug-and-play's reply address make the same choice. Cached per peer for a
 * minute, so that a changed address is noticed, and bounded. Thread-safe; called on event loops,
 * which a UDP connect does not block (it only looks up a route and sends nothing).
 */
final class RouteSources {
    private static final int MAX_ENTRIES = 4096;
    private static final long TTL_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** Any port: connecting a UDP socket only selects a route and a source address. */
    private static final int ANY_PORT = 9;

    private record Entry(InetAddress local, long expiresAt) {
    }

    private final ConcurrentHashMap<InetAddress, Entry> cache = new ConcurrentHashMap<>();

    /** Our address facing {@code peer}, or {@code null} if there is no route to it. */
    InetAddress towards(InetAddress peer) {
        long now = System.nanoTime();
        Entry entry = cache.get(peer);
        if (entry != null && entry.expiresAt - now > 0) {
            return entry.local;
        }
        InetAddress local = lookup(peer);
        if (local == null) {
            return null;
        }
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(peer, new Entry(local, now + TTL_NANOS));
        return local;
    }

    private static InetAddress lookup(InetAddress peer) {
        try (DatagramChannel probe = DatagramChannel.open(peer.getAddress().length == 4
                ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6)) {
            probe.connect(new InetSocketAddress(peer, ANY_PORT));
            return ((InetSocketAddress) probe.getLocalAddress()).getAddress();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
