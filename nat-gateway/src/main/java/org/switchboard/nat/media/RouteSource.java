package org.switchboard.nat.media;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The address this host sends from towards a peer, as the routing table says: a UDP socket
 * connected to the peer (a route lookup in the kernel, nothing sent and nothing waited for) tells
 * its local address. Used when the SIP socket facing a phone is bound to the wildcard address, so
 * the SDP names an address the phone reaches. The answers for the last {@code capacity} peers are
 * kept. {@code null} when there is no route.
 *
 * <p>Threading: thread-safe; one lock over the small cache.
 */
final class RouteSource {
    private static final int DISCARD_PORT = 9;
    private final Map<InetAddress, InetAddress> cache;

    RouteSource(int capacity) {
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<InetAddress, InetAddress> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Our address towards {@code peer}, or {@code null} if none routes there. */
    InetAddress toward(InetAddress peer) {
        synchronized (cache) {
            InetAddress known = cache.get(peer);
            if (known != null) {
                return known;
            }
        }
        InetAddress local;
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(peer, DISCARD_PORT);
            local = probe.getLocalAddress();
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (local == null || local.isAnyLocalAddress()) {
            return null;
        }
        synchronized (cache) {
            cache.put(peer, local);
        }
        return local;
    }
}
