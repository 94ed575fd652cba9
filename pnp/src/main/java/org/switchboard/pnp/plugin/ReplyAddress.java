package org.switchboard.pnp.plugin;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.switchboard.core.transport.Flow;

/**
 * Our IP address as a phone reaches it: the local address the request arrived at if that is a
 * concrete unicast address, else (a wildcard socket, or the multicast group) the address the
 * system routes to the phone from. For a phone on the local link, which is where plug-and-play
 * multicast comes from (TTL 1), that is the address of the interface the SUBSCRIBE arrived on.
 *
 * <p>Stateless and thread-safe. Does not block: connecting a UDP socket is a routing-table look-up
 * in the kernel that sends nothing, and the phone's address is a literal, so no DNS is asked.
 */
final class ReplyAddress {
    private ReplyAddress() {
    }

    /** Our address toward the request's sender, or empty if the system has no route to it. */
    static Optional<InetAddress> toward(Flow flow) {
        InetAddress local = flow.local().getAddress();
        if (!local.isAnyLocalAddress() && !local.isMulticastAddress()) {
            return Optional.of(local);
        }
        return routedSource(flow.remote());
    }

    private static Optional<InetAddress> routedSource(InetSocketAddress remote) {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(remote);
            InetAddress source = probe.getLocalAddress();
            return source == null || source.isAnyLocalAddress() ? Optional.empty() : Optional.of(source);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
