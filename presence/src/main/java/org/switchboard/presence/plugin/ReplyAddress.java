package org.switchboard.presence.plugin;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.switchboard.core.transport.Flow;

/**
 * Our address on a request's flow, for the Contact and Via of what we send back over it: the local
 * address the request arrived at, or for a wildcard socket the address the system routes to the
 * sender from (a routing-table look-up: connecting a UDP socket sends nothing and asks no DNS).
 * Stateless.
 */
final class ReplyAddress {
    private ReplyAddress() {
    }

    /** Our socket address toward the sender, or empty if the system has no route to it. */
    static Optional<InetSocketAddress> toward(Flow flow) {
        InetAddress local = flow.local().getAddress();
        if (!local.isAnyLocalAddress() && !local.isMulticastAddress()) {
            return Optional.of(flow.local());
        }
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(flow.remote());
            InetAddress source = probe.getLocalAddress();
            return source == null || source.isAnyLocalAddress() ? Optional.empty()
                    : Optional.of(new InetSocketAddress(source, flow.local().getPort()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
